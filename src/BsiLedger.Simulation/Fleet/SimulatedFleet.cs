using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using BsiLedger.Domain.Devices;
using BsiLedger.Domain.Releases;
using BsiLedger.Simulation.Scenarios;

namespace BsiLedger.Simulation.Fleet;

/// <summary>
/// The fleet a scenario describes, drawn device by device rather than stored, so a million devices cost
/// nothing until asked for. Every draw is <see cref="Cohort.Position(string)"/> of a key holding the seed,
/// what is drawn and the device id: the same scenario gives the same fleet and the same failures on every
/// run and machine, and each device can be drawn alone, in any order, on any silo.
/// </summary>
public sealed class SimulatedFleet
{
    public const string IdPrefix = "sim-";

    private readonly FleetSpec _spec;
    private readonly string _seed;
    private readonly byte[] _drawPrefix;
    private readonly double[] _cumulativeShares;
    private readonly FrozenDictionary<ReleaseId, ReleaseSpec> _releases;

    public SimulatedFleet(Scenario scenario)
    {
        if (scenario.Problem() is { } problem)
        {
            throw new ScenarioException(problem);
        }

        Scenario = scenario;
        _spec = scenario.Fleet;
        _seed = scenario.Seed.ToString(CultureInfo.InvariantCulture);
        _drawPrefix = Encoding.UTF8.GetBytes($"sim\n{_seed}\n");
        var total = 0.0;
        _cumulativeShares = [.. _spec.Mix.Select(m => total += m.Share)];
        _releases = scenario.Releases.ToFrozenDictionary(r => r.Id);
    }

    public Scenario Scenario { get; }

    public int Count => _spec.Devices;

    /// <summary>The id of the device at <paramref name="index"/> (1-based): <c>sim-0000001</c>.</summary>
    public static string IdOf(int index) => IdPrefix + index.ToString("D7", CultureInfo.InvariantCulture);

    /// <summary>The device at <paramref name="index"/>, from 1 to <see cref="Count"/>.</summary>
    public SimulatedDevice Device(int index)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(index, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, Count);

        var id = IdOf(index);
        var mix = _spec.Mix[MixIndex(Draw("mix", id))];
        var managed = Draw("managed", id) < _spec.Managed;
        var policy = !managed ? MdmPolicy.None : Draw("mdm-forbid", id) < _spec.ManagedForbid ? MdmPolicy.Forbid : MdmPolicy.Allow;
        return new SimulatedDevice(
            id,
            mix.Platform,
            mix.Os,
            mix.Model,
            AutoInstall: Draw("auto-install-off", id) >= _spec.AutoInstallOff,
            managed,
            policy,
            OfflineDraw(id),
            PhaseDraw(id));
    }

    public IEnumerable<SimulatedDevice> All()
    {
        for (var index = 1; index <= Count; index++)
        {
            yield return Device(index);
        }
    }

    public bool IsOffline(string deviceId) => OfflineDraw(Known(deviceId));

    /// <summary>When the device first checks in after the start, uniform in [0, checkInEvery).</summary>
    public TimeSpan CheckInPhase(string deviceId) => PhaseDraw(Known(deviceId));

    /// <summary>
    /// Whether the device's install of the release fails: one draw per (seed, device, release) under the rate
    /// for the device's model, or else the release's rate. A release not in the scenario never fails.
    /// </summary>
    public bool FailsInstall(string deviceId, string model, ReleaseId release)
    {
        if (!_releases.TryGetValue(release, out var spec))
        {
            return false;
        }

        var rate = spec.Failures.FirstOrDefault(f => f.Model == model)?.Rate ?? spec.InstallFailureRate;
        return Draw($"install\n{release}", Known(deviceId)) < rate;
    }

    /// <summary>Whether devices take time to install or apply: otherwise each answers its offer at once.</summary>
    public bool TakesTime => _spec.TakesTime;

    /// <summary>From the offer the device got to its install's outcome: one draw per (seed, device, release).</summary>
    public TimeSpan InstallDelay(string deviceId, ReleaseId release) => InstallDelay(KindOf(deviceId), deviceId, release);

    /// <summary>
    /// From the install to the apply. A restart release waits for the drawn delay (the device's next restart); a
    /// relaunch release for a quarter of it, since a browser is relaunched several times between two restarts.
    /// </summary>
    public TimeSpan ApplyDelay(string deviceId, ReleaseId release) => ApplyDelay(KindOf(deviceId), deviceId, release);

    /// <summary>
    /// Everything the run draws for the device and an offer of the release, each draw made once: what
    /// <see cref="IsOffline"/>, <see cref="CheckInPhase"/>, <see cref="FailsInstall"/>, <see cref="InstallDelay"/> and
    /// <see cref="ApplyDelay"/> give one by one.
    /// </summary>
    public OfferDraws Draws(string deviceId, ReleaseId release)
    {
        var kind = KindOf(deviceId);
        var offline = OfflineDraw(deviceId);
        return new OfferDraws(
            offline,
            offline ? PhaseDraw(deviceId) : null,
            FailsInstall(deviceId, kind.Model, release),
            InstallDelay(kind, deviceId, release),
            ApplyDelay(kind, deviceId, release));
    }

    /// <summary>The 1-based index in the id, or an error if the id is not one of this fleet's.</summary>
    public int IndexOf(string deviceId) =>
        TryIndexOf(deviceId) is { } index
            ? index
            : throw new ArgumentException($"'{deviceId}' is not a device of this fleet (sim-0000001 to {IdOf(Count)})", nameof(deviceId));

    /// <summary>Whether the device is one of this fleet's, rather than one enrolled in its ledger some other way.</summary>
    public bool Holds(string deviceId) => TryIndexOf(deviceId) is not null;

    private int? TryIndexOf(string deviceId)
    {
        var digits = deviceId.StartsWith(IdPrefix, StringComparison.Ordinal) ? deviceId.AsSpan(IdPrefix.Length) : [];
        return digits.Length >= 7 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && index >= 1 && index <= Count && IdOf(index) == deviceId
            ? index
            : null;
    }

    private TimeSpan InstallDelay(FleetMix kind, string deviceId, ReleaseId release) =>
        DelayDraw(kind.InstallDelay ?? _spec.InstallDelay, $"install-delay\n{release}", deviceId);

    private TimeSpan ApplyDelay(FleetMix kind, string deviceId, ReleaseId release)
    {
        var delay = DelayDraw(kind.ApplyDelay ?? _spec.ApplyDelay, $"apply-delay\n{release}", deviceId);
        return _releases.TryGetValue(release, out var spec) && spec.Activation == Activation.Relaunch ? delay / 4 : delay;
    }

    private FleetMix KindOf(string deviceId) => _spec.Mix[MixIndex(Draw("mix", Known(deviceId)))];

    private TimeSpan DelayDraw(ReportDelay? delay, string purpose, string deviceId) =>
        delay is null ? TimeSpan.Zero : delay.At(Draw(purpose, deviceId));

    private bool OfflineDraw(string id) => Draw("offline", id) < _spec.Offline;

    // A draw a hair under 1 times a large tick count can round up to the count itself: keep the phase below it.
    private TimeSpan PhaseDraw(string id) =>
        TimeSpan.FromTicks(Math.Min((long)(Draw("check-in", id) * _spec.CheckInEvery.Ticks), _spec.CheckInEvery.Ticks - 1));

    private string Known(string deviceId)
    {
        IndexOf(deviceId);
        return deviceId;
    }

    // Keys start with "sim", never a platform name, so no draw can equal a cohort key "<release>\n<device>". The key
    // "sim\n{seed}\n{purpose}\n{device}" is written into a stack buffer: a million-device run draws tens of millions.
    private double Draw(string purpose, string deviceId)
    {
        var length = _drawPrefix.Length + Encoding.UTF8.GetMaxByteCount(purpose.Length + deviceId.Length) + 1;
        if (length > 512)
        {
            return Cohort.Position($"sim\n{_seed}\n{purpose}\n{deviceId}");
        }

        Span<byte> key = stackalloc byte[length];
        _drawPrefix.CopyTo(key);
        var written = _drawPrefix.Length + Encoding.UTF8.GetBytes(purpose, key[_drawPrefix.Length..]);
        key[written++] = (byte)'\n';
        written += Encoding.UTF8.GetBytes(deviceId, key[written..]);
        return Cohort.Position(key[..written]);
    }

    private int MixIndex(double draw)
    {
        for (var i = 0; i < _cumulativeShares.Length - 1; i++)
        {
            if (draw < _cumulativeShares[i])
            {
                return i;
            }
        }

        // Shares may add up to a hair under 1: the last kind takes the remainder.
        return _cumulativeShares.Length - 1;
    }
}
