using System.Net;

namespace BsiLedger.Cli.Tests.Clients;

/// <summary>One request the generated client sent and what the server answered, as they went over the wire.</summary>
public sealed record Exchange(HttpMethod Method, string Path, HttpStatusCode Status, string? RequestBody, string ResponseBody);
