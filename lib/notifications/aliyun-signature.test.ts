import { describe, expect, it } from "vitest";
import {
  canonicalizedQuery,
  percentEncode,
  rpcSignature,
  rpcTimestamp,
  stringToSign,
} from "./aliyun-signature";

// The worked examples of Alibaba Cloud's documentation: the RPC "Signature mechanism" page
// (DescribeRegions) and the SMS API's own signing example (SendSms with a Chinese signature name).
describe("Alibaba Cloud RPC signature", () => {
  it("reproduces the documented DescribeRegions example", () => {
    const params = {
      AccessKeyId: "testid",
      Action: "DescribeRegions",
      Format: "XML",
      SignatureMethod: "HMAC-SHA1",
      SignatureNonce: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
      SignatureVersion: "1.0",
      Timestamp: "2016-02-23T12:46:24Z",
      Version: "2014-05-26",
    };
    expect(stringToSign("GET", params)).toBe(
      "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1" +
        "%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0" +
        "%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26",
    );
    expect(rpcSignature("GET", params, "testsecret")).toBe("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
  });

  it("reproduces the documented SendSms example", () => {
    const params = {
      AccessKeyId: "testId",
      Action: "SendSms",
      Format: "XML",
      OutId: "123",
      PhoneNumbers: "15300000001",
      RegionId: "cn-hangzhou",
      SignName: "阿里云短信测试专用",
      SignatureMethod: "HMAC-SHA1",
      SignatureNonce: "45e25e9b-0a6f-4070-8c85-2956eda1b466",
      SignatureVersion: "1.0",
      TemplateCode: "SMS_71390007",
      TemplateParam: '{"customer":"test"}',
      Timestamp: "2017-07-12T02:42:19Z",
      Version: "2017-05-25",
    };
    expect(rpcSignature("GET", params, "testSecret")).toBe("zJDF+Lrzhj/ThnlvIToysFRq6t4=");
  });

  it("encodes as RFC 3986 wants, not as forms do", () => {
    expect(percentEncode("a b*c~d'e(f)!")).toBe("a%20b%2Ac~d%27e%28f%29%21");
    expect(percentEncode("/=&+")).toBe("%2F%3D%26%2B");
    expect(percentEncode("派")).toBe("%E6%B4%BE");
    expect(canonicalizedQuery({ b: "2", a: "1 1" })).toBe("a=1%201&b=2");
  });

  it("writes the timestamp in UTC without milliseconds", () => {
    expect(rpcTimestamp(new Date("2026-12-05T13:45:06.789Z"))).toBe("2026-12-05T13:45:06Z");
  });
});
