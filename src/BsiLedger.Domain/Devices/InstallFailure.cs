using BsiLedger.Domain.Releases;

namespace BsiLedger.Domain.Devices;

/// <summary>
/// The failure the device reported last, kept only so that the same report delivered twice is
/// recognised as a retry. It is cleared by the device's next event of any kind.
/// </summary>
[GenerateSerializer, Immutable, Alias("bsi.install-failure")]
public sealed record InstallFailure([property: Id(0)] ReleaseId Release, [property: Id(1)] string Reason);
