using BsiLedger.Domain.Releases;

namespace BsiLedger.Grains.Commands;

/// <summary>
/// The ids of the commands a fan-out or a check-in makes on a device's behalf, derived from what they carry out, so
/// that the same step driven again carries the same id and is recognised in the device's stream. Each holds a
/// <c>/</c>, which an id given by a caller never does (<c>InputParsers.CommandId</c>), so the two cannot meet.
/// </summary>
public static class CommandIds
{
    /// <summary>Wave <paramref name="wave"/> of <paramref name="release"/>'s rollout offered to the device.</summary>
    public static string Offer(ReleaseId release, int wave, string device) => $"offer/{release}/{wave}/{device}";

    /// <summary>
    /// Recall <paramref name="recallId"/>'s fan-out withdrawing <paramref name="release"/> from the device. The recall's
    /// id is its caller's command id, which another route (another release's recall) may use again.
    /// </summary>
    public static string Withdrawal(ReleaseId release, string recallId, string device) => $"withdraw/{release}/{recallId}/{device}";

    /// <summary>The check-in <paramref name="checkIn"/> withdrawing the recalled <paramref name="release"/>.</summary>
    public static string CheckInWithdrawal(string checkIn, ReleaseId release) => $"{checkIn}/withdraw/{release}";

    /// <summary>The check-in <paramref name="checkIn"/> taking the offer of <paramref name="release"/> its cohort is owed.</summary>
    public static string CheckInOffer(string checkIn, ReleaseId release) => $"{checkIn}/offer/{release}";
}
