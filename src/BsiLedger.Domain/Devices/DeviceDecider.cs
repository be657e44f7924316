using BsiLedger.Domain.Devices.Commands;
using BsiLedger.Domain.Devices.Errors;
using BsiLedger.Domain.Devices.Events;
using BsiLedger.Domain.Releases;

namespace BsiLedger.Domain.Devices;

/// <summary>
/// Every device rule, as pure functions from (state, command, domain time) to events or a typed error.
/// A command that has already taken effect decides no events, so a retried command is a no-op.
/// </summary>
public static class DeviceDecider
{
    public static Decision<IDeviceEvent> Decide(Device state, DeviceCommand command, DateTimeOffset now) =>
        command switch
        {
            EnrollDevice c => Enroll(state, c, now),
            _ when !state.IsEnrolled => Decision<IDeviceEvent>.Refuse(new DeviceNotEnrolled(command.DeviceId)),
            ChangeSettings c => ChangeSettings(state, c, now),
            InstallBsi c => Install(state, c, now),
            ReportInstallFailure c => ReportFailure(state, c, now),
            ApplyBsi c => Apply(state, c, now),
            UninstallAll c => Uninstall(state, c, now),
            WithdrawBsi c => Withdraw(state, c, now),
            UpdateOs c => UpdateOs(state, c, now),
            RecordSkip c => RecordSkip(state, c, now),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "not a device command"),
        };

    private static Decision<IDeviceEvent> Enroll(Device state, EnrollDevice c, DateTimeOffset now) =>
        state.IsEnrolled
            ? Decision<IDeviceEvent>.Refuse(new DeviceAlreadyEnrolled(c.DeviceId))
            : Decision<IDeviceEvent>.Accept(new DeviceEnrolled(
                c.DeviceId, c.Platform, c.Model, c.Os, c.AutoInstall, c.Managed, c.MdmPolicy, now, c.Cause));

    private static Decision<IDeviceEvent> ChangeSettings(Device state, ChangeSettings c, DateTimeOffset now)
    {
        var events = new List<IDeviceEvent>();
        if (c.AutoInstall is { } autoInstall && autoInstall != state.AutoInstall)
        {
            events.Add(new AutoInstallChanged(c.DeviceId, autoInstall, now, c.Cause));
        }

        var managed = c.Managed ?? state.Managed;
        if (!managed && c.MdmPolicy is not null)
        {
            return Decision<IDeviceEvent>.Refuse(new DeviceNotManaged(c.DeviceId));
        }

        var policy = managed ? c.MdmPolicy ?? (state.Managed ? state.MdmPolicy : MdmPolicy.Allow) : MdmPolicy.None;
        if (managed != state.Managed || policy != state.MdmPolicy)
        {
            events.Add(new ManagementPolicyChanged(c.DeviceId, managed, policy, now, c.Cause));
        }

        return Decision<IDeviceEvent>.Accept([.. events]);
    }

    private static Decision<IDeviceEvent> Install(Device state, InstallBsi c, DateTimeOffset now)
    {
        if (state.Has(c.Release))
        {
            return Decision<IDeviceEvent>.Unchanged;
        }

        return Refusal(state, c.Release)
            ?? Decision<IDeviceEvent>.Accept(new BsiInstalled(c.DeviceId, c.Release, now, c.Cause));
    }

    // A failure report carries no identity of its own, so each report is a new fact: a device that
    // fails twice failed twice. Rollout offers (with their own ids) make their reports idempotent.
    private static Decision<IDeviceEvent> ReportFailure(Device state, ReportInstallFailure c, DateTimeOffset now)
    {
        if (state.Has(c.Release))
        {
            return Decision<IDeviceEvent>.Refuse(new BsiAlreadyInstalled(c.DeviceId, c.Release));
        }

        return Refusal(state, c.Release)
            ?? Decision<IDeviceEvent>.Accept(new BsiInstallFailed(c.DeviceId, c.Release, c.Reason, now, c.Cause));
    }

    private static Decision<IDeviceEvent> Apply(Device state, ApplyBsi c, DateTimeOffset now)
    {
        if (state.Applied == c.Release && state.Staged is null)
        {
            return Decision<IDeviceEvent>.Unchanged;
        }

        return state.Staged == c.Release
            ? Decision<IDeviceEvent>.Accept(new BsiApplied(c.DeviceId, c.Release, c.Activation, now, c.Cause))
            : Decision<IDeviceEvent>.Refuse(new BsiNotStaged(c.DeviceId, c.Release, state.Staged));
    }

    private static Decision<IDeviceEvent> Uninstall(Device state, UninstallAll c, DateTimeOffset now) =>
        state.Installed is { Count: > 0 } removed
            ? Decision<IDeviceEvent>.Accept(new BsiUninstalled(c.DeviceId, removed, now, c.Cause))
            : Decision<IDeviceEvent>.Unchanged;

    private static Decision<IDeviceEvent> Withdraw(Device state, WithdrawBsi c, DateTimeOffset now) =>
        state.Has(c.Release)
            ? Decision<IDeviceEvent>.Accept(new BsiWithdrawn(c.DeviceId, c.Release, c.RecallId, now, c.Cause))
            : Decision<IDeviceEvent>.Unchanged;

    private static Decision<IDeviceEvent> UpdateOs(Device state, UpdateOs c, DateTimeOffset now)
    {
        if (c.To == state.Os)
        {
            return Decision<IDeviceEvent>.Unchanged;
        }

        return c.To < state.Os
            ? Decision<IDeviceEvent>.Refuse(new OsDowngradeRefused(c.DeviceId, state.Os, c.To))
            : Decision<IDeviceEvent>.Accept(new OsUpdated(c.DeviceId, state.Os, c.To, state.Installed, now, c.Cause));
    }

    private static Decision<IDeviceEvent> RecordSkip(Device state, RecordSkip c, DateTimeOffset now) =>
        state.Skipped.TryGetValue(c.Release, out var recorded) && recorded == c.Reason
            ? Decision<IDeviceEvent>.Unchanged
            : Decision<IDeviceEvent>.Accept(new BsiSkipped(c.DeviceId, c.Release, c.Reason, now, c.Cause));

    /// <summary>Why the release cannot install on this device, or null when it can.</summary>
    private static Decision<IDeviceEvent>? Refusal(Device state, ReleaseId release)
    {
        if (release.Platform != state.Platform)
        {
            return Decision<IDeviceEvent>.Refuse(new BsiPlatformMismatch(state.Id, state.Platform, release));
        }

        if (release.Base != state.Os)
        {
            return Decision<IDeviceEvent>.Refuse(new BsiBaseVersionMismatch(state.Id, state.Os, release));
        }

        if (state.Withdrawn.Contains(release))
        {
            return Decision<IDeviceEvent>.Refuse(new ReleaseRecalled(state.Id, release));
        }

        return state.Newest is { } newest && newest.Supersedes(release)
            ? Decision<IDeviceEvent>.Refuse(new OlderLetterRefused(state.Id, release, newest))
            : null;
    }
}
