// Tokenizer and block parser for the Prisma schema language, producing an untyped tree.
// lib/db/prisma-schema.ts gives it meaning; anything this grammar does not know is an error,
// so a schema feature we have not taught the drift check about can never be skipped silently.

export type Value =
  | { kind: "string"; value: string }
  | { kind: "number"; value: number }
  | { kind: "ident"; name: string; args?: Arg[] }
  | { kind: "array"; items: Value[] };

export type Arg = { name?: string; value: Value };

export type Attribute = { name: string; args: Arg[]; line: number };

export type Member = {
  name: string;
  line: number;
  type?: { name: string; optional: boolean; list: boolean };
  value?: Value;
  attributes: Attribute[];
};

export type Block = {
  keyword: "model" | "enum" | "generator" | "datasource";
  name: string;
  line: number;
  members: Member[];
  attributes: Attribute[];
};

type Token = { kind: "ident" | "string" | "number" | "punct" | "newline"; text: string; line: number };

const BLOCK_KEYWORDS = new Set(["model", "enum", "generator", "datasource"]);

export function parseBlocks(source: string): Block[] {
  const parser = new Parser(tokenize(source));
  return parser.blocks();
}

export function fail(line: number, message: string): never {
  throw new Error(`schema.prisma line ${line}: ${message}`);
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const pattern =
    /(\/\/[^\n]*)|(\n)|([ \t\r]+)|("(?:[^"\\\n]|\\.)*")|(-?\d+(?:\.\d+)?)|([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)|(@@|[@{}()[\],:=?])/y;
  let line = 1;
  let depth = 0;
  while (pattern.lastIndex < source.length) {
    const at = pattern.lastIndex;
    const match = pattern.exec(source);
    if (!match) {
      throw new Error(`schema.prisma line ${line}: unexpected character ${JSON.stringify(source[at])}`);
    }
    const [text, comment, newline, space, string, number, ident, punct] = match;
    if (newline) {
      // Fields and attributes end at a line break, except inside (...) and [...].
      if (depth === 0) tokens.push({ kind: "newline", text, line });
      line += 1;
    } else if (comment || space) {
      continue;
    } else if (string) {
      tokens.push({ kind: "string", text: unquote(string, line), line });
    } else if (number) {
      tokens.push({ kind: "number", text: number, line });
    } else if (ident) {
      tokens.push({ kind: "ident", text: ident, line });
    } else if (punct) {
      if (punct === "(" || punct === "[") depth += 1;
      if (punct === ")" || punct === "]") depth -= 1;
      tokens.push({ kind: "punct", text: punct, line });
    } else {
      throw new Error(`schema.prisma line ${line}: cannot tokenize ${JSON.stringify(text)}`);
    }
  }
  tokens.push({ kind: "newline", text: "", line });
  return tokens;
}

function unquote(literal: string, line: number): string {
  try {
    return JSON.parse(literal) as string;
  } catch {
    throw new Error(`schema.prisma line ${line}: unsupported escape in string ${literal}`);
  }
}

class Parser {
  private position = 0;

  constructor(private readonly tokens: Token[]) {}

  blocks(): Block[] {
    const blocks: Block[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.position >= this.tokens.length) return blocks;
      blocks.push(this.block());
    }
  }

  private block(): Block {
    const keyword = this.expect("ident");
    if (!BLOCK_KEYWORDS.has(keyword.text)) {
      this.fail(
        keyword,
        `unsupported block "${keyword.text}" (expected model, enum, generator or datasource)`,
      );
    }
    const name = this.expect("ident").text;
    this.expect("punct", "{");
    const block: Block = {
      keyword: keyword.text as Block["keyword"],
      name,
      line: keyword.line,
      members: [],
      attributes: [],
    };
    for (;;) {
      this.skipNewlines();
      const token = this.peek();
      if (token.kind === "punct" && token.text === "}") break;
      if (token.kind === "punct" && token.text === "@@") {
        this.position += 1;
        block.attributes.push(this.attributeBody(token.line));
      } else {
        block.members.push(this.member(block.keyword));
      }
      this.expectEndOfLine();
    }
    this.expect("punct", "}");
    return block;
  }

  private member(keyword: Block["keyword"]): Member {
    const name = this.expect("ident");
    const member: Member = { name: name.text, line: name.line, attributes: [] };
    if (keyword === "generator" || keyword === "datasource") {
      this.expect("punct", "=");
      member.value = this.value();
      return member;
    }
    if (keyword === "model") {
      const type = this.expect("ident").text;
      const optional = this.accept("?");
      const list = !optional && this.accept("[");
      if (list) this.expect("punct", "]");
      member.type = { name: type, optional, list };
    }
    while (this.peek().kind === "punct" && this.peek().text === "@") {
      const at = this.next();
      member.attributes.push(this.attributeBody(at.line));
    }
    return member;
  }

  private attributeBody(line: number): Attribute {
    const name = this.expect("ident").text;
    const args = this.accept("(") ? this.args(")") : [];
    return { name, args, line };
  }

  private args(close: string): Arg[] {
    const args: Arg[] = [];
    while (!this.accept(close)) {
      const token = this.peek();
      const following = this.tokens[this.position + 1];
      let name: string | undefined;
      if (token.kind === "ident" && following?.kind === "punct" && following.text === ":") {
        name = token.text;
        this.position += 2;
      }
      args.push({ name, value: this.value() });
      if (!this.accept(",")) {
        this.expect("punct", close);
        break;
      }
    }
    return args;
  }

  private value(): Value {
    const token = this.next();
    if (token.kind === "string") return { kind: "string", value: token.text };
    if (token.kind === "number") return { kind: "number", value: Number(token.text) };
    if (token.kind === "ident") {
      return this.accept("(")
        ? { kind: "ident", name: token.text, args: this.args(")") }
        : { kind: "ident", name: token.text };
    }
    if (token.kind === "punct" && token.text === "[") {
      return { kind: "array", items: this.args("]").map((arg) => this.positional(arg, token)) };
    }
    return this.fail(token, `unexpected ${JSON.stringify(token.text)}`);
  }

  private positional(arg: Arg, at: Token): Value {
    if (arg.name !== undefined) this.fail(at, `named argument "${arg.name}" inside a list`);
    return arg.value;
  }

  private skipNewlines() {
    while (this.position < this.tokens.length && this.peek().kind === "newline") this.position += 1;
  }

  private expectEndOfLine() {
    const token = this.peek();
    if (token.kind === "newline") return;
    if (token.kind === "punct" && token.text === "}") return;
    this.fail(token, `unexpected ${JSON.stringify(token.text)} (expected the end of the line)`);
  }

  private accept(punct: string): boolean {
    const token = this.peek();
    if (token.kind !== "punct" || token.text !== punct) return false;
    this.position += 1;
    return true;
  }

  private expect(kind: Token["kind"], text?: string): Token {
    const token = this.next();
    if (token.kind !== kind || (text !== undefined && token.text !== text)) {
      this.fail(token, `expected ${text ?? kind} but found ${JSON.stringify(token.text)}`);
    }
    return token;
  }

  private peek(): Token {
    const token = this.tokens[this.position] ?? this.tokens[this.tokens.length - 1];
    if (!token) throw new Error("schema.prisma is empty");
    return token;
  }

  private next(): Token {
    const token = this.peek();
    this.position += 1;
    return token;
  }

  private fail(token: Token, message: string): never {
    return fail(token.line, message);
  }
}
