using System.IO.Hashing;
using System.Text;
using System.Text.Unicode;

namespace BsiLedger.Domain.Releases;

/// <summary>
/// Where a device stands in a release's rollout order: a number in [0, 1) from a stable hash of (release id,
/// device id). A device is in the first p of the rollout when its position is below p, on every run and
/// every silo (XxHash64 of the UTF-8 text, never <see cref="string.GetHashCode()"/>).
/// </summary>
public static class Cohort
{
    public static double Position(ReleaseId release, string deviceId)
    {
        // Hashed from the stack: a wave's fan-out and every stored report ask this once per device.
        Span<byte> key = stackalloc byte[256];
        return Utf8.TryWrite(key, $"{release}\n{deviceId}", out var written) ? Position(key[..written]) : Position($"{release}\n{deviceId}");
    }

    /// <summary>The same stable position for any key; the simulator uses it for its seeded draws.</summary>
    public static double Position(string key) => Position(Encoding.UTF8.GetBytes(key));

    /// <summary>The position of a key already in UTF-8: the same as <see cref="Position(string)"/> of its text.</summary>
    public static double Position(ReadOnlySpan<byte> utf8Key)
    {
        var hash = XxHash64.HashToUInt64(utf8Key);
        // The top 53 bits fill a double's mantissa exactly, so the result is uniform and below 1.
        return (hash >> 11) * (1.0 / (1UL << 53));
    }

    public static bool Contains(ReleaseId release, string deviceId, double share) => Position(release, deviceId) < share;

    /// <summary>The index of the first item at or past <paramref name="position"/> in a list kept in cohort order (the list's length if none is).</summary>
    public static int FirstAtOrPast<T>(IReadOnlyList<T> byPosition, Func<T, double> positionOf, double position)
    {
        var (low, high) = (0, byPosition.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = positionOf(byPosition[middle]) < position ? (middle + 1, high) : (low, middle);
        }

        return low;
    }
}
