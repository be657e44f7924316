namespace BsiLedger.Api.Input;

/// <summary>
/// <c>POST /devices</c>, as <c>bsi device enroll</c> takes it: <c>model</c> defaults to <c>unknown</c>, <c>autoInstall</c>
/// to true, <c>managed</c> to false; <c>mdmPolicy</c> (<c>allow</c> or <c>forbid</c>) only with <c>managed</c>.
/// </summary>
public sealed record EnrollRequest(string? Id, string? Platform, string? Os, string? Model = null, bool? AutoInstall = null, bool? Managed = null, string? MdmPolicy = null);
