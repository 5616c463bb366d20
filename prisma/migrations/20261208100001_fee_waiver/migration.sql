-- A supervisor's fee waiver leaves its own timeline entry (issue 16, decision 031).

-- AlterEnum
ALTER TYPE "timeline_action" ADD VALUE 'FEE_WAIVED';
