namespace BsiLedger.Api.Input;

/// <summary><c>POST /releases</c>, as <c>bsi release publish</c> takes it; <c>activation</c> defaults to <c>restart</c>.</summary>
public sealed record PublishRequest(string? Id, string[]? Components, string[]? Cves = null, string? Activation = null, string? Supersedes = null);
