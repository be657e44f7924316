using System.Collections.Immutable;
using BsiLedger.Domain.Devices.Events;
using BsiLedger.Domain.Releases;

namespace BsiLedger.Domain.Devices;

/// <summary>
/// A device as its history leaves it. Changed only by <see cref="Apply(IDeviceEvent)"/>, so replaying a
/// stream to any version gives the device's state at that version.
/// </summary>
[GenerateSerializer, Immutable, Alias("bsi.device")]
public sealed record Device(
    [property: Id(0)] string Id,
    [property: Id(1)] bool IsEnrolled,
    [property: Id(2)] Platform Platform,
    [property: Id(3)] string Model,
    [property: Id(4)] OsVersion Os,
    [property: Id(5)] bool AutoInstall,
    [property: Id(6)] bool Managed,
    [property: Id(7)] MdmPolicy MdmPolicy,
    [property: Id(8)] ReleaseId? Staged,
    [property: Id(9)] ReleaseId? Applied,
    [property: Id(10)] ImmutableHashSet<ReleaseId> Withdrawn,
    [property: Id(11)] ImmutableHashSet<ReleaseId> Failed,
    [property: Id(12)] ImmutableDictionary<ReleaseId, SkipReason> Skipped)
{
    public static Device Unenrolled { get; } =
        new("", false, default, "", default, false, false, MdmPolicy.None, null, null, [], [], ImmutableDictionary<ReleaseId, SkipReason>.Empty);

    public string Line => ProductLine.Of(Platform, Os);

    /// <summary>Why a rollout skips this device, or null when its settings let it install in the background.</summary>
    public SkipReason? SkipsRollouts => (Managed, MdmPolicy, AutoInstall) switch
    {
        (true, MdmPolicy.Forbid, _) => SkipReason.MdmForbids,
        (true, _, _) => null,
        (false, _, false) => SkipReason.AutoInstallOff,
        _ => null,
    };

    /// <summary>The newest letter the device holds, staged or applied: nothing older may install over it.</summary>
    public ReleaseId? Newest => (Staged, Applied) switch
    {
        ({ } staged, { } applied) => staged.Supersedes(applied) ? staged : applied,
        ({ } staged, null) => staged,
        (null, var applied) => applied,
    };

    public IReadOnlyList<ReleaseId> Installed => new[] { Applied, Staged }.OfType<ReleaseId>().ToArray();

    public bool Has(ReleaseId release) => Staged == release || Applied == release;

    public Device Apply(IDeviceEvent @event) => @event switch
    {
        DeviceEnrolled e => this with
        {
            Id = e.DeviceId,
            IsEnrolled = true,
            Platform = e.Platform,
            Model = e.Model,
            Os = e.Os,
            AutoInstall = e.AutoInstall,
            Managed = e.Managed,
            MdmPolicy = e.MdmPolicy,
        },
        AutoInstallChanged e => this with { AutoInstall = e.AutoInstall },
        ManagementPolicyChanged e => this with { Managed = e.Managed, MdmPolicy = e.MdmPolicy },
        BsiInstalled e => this with { Staged = e.Release, Failed = Failed.Remove(e.Release) },
        BsiInstallFailed e => this with { Failed = Failed.Add(e.Release) },
        BsiSkipped e => this with { Skipped = Skipped.SetItem(e.Release, e.Reason) },
        BsiApplied e => this with { Applied = e.Release, Staged = null },
        BsiUninstalled => this with { Staged = null, Applied = null },
        BsiWithdrawn e => this with
        {
            Staged = Staged == e.Release ? null : Staged,
            Applied = Applied == e.Release ? null : Applied,
            Withdrawn = Withdrawn.Add(e.Release),
        },
        OsUpdated e => this with { Os = e.To, Staged = null, Applied = null },
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event.GetType().Name, "not a device event"),
    };
}
