namespace BsiLedger.Domain;

/// <summary>Who or what caused an event: an operator by name, a policy, or the device itself.</summary>
[GenerateSerializer, Immutable, Alias("bsi.cause")]
public sealed record Cause([property: Id(0)] CauseKind Kind, [property: Id(1)] string Id)
{
    public static Cause Operator(string name) => new(CauseKind.Operator, name);
    public static Cause Policy(string name) => new(CauseKind.Policy, name);
    public static Cause Device(string deviceId) => new(CauseKind.Device, deviceId);

    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}:{Id}";
}
