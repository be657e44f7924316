namespace BsiLedger.Domain.Releases.Commands;

/// <summary>Something asked of one release, by the cause named. The grain stamps it with domain time.</summary>
[GenerateSerializer, Immutable, Alias("bsi.cmd.release")]
public abstract record ReleaseCommand([property: Id(0)] ReleaseId Release, [property: Id(1)] Cause Cause);
