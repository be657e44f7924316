using System.Text.RegularExpressions;

namespace BsiLedger.Host.Cluster;

/// <summary>What a cluster id may be: it names the cluster's rows in the membership table and in logs and paths.</summary>
public static partial class ClusterIds
{
    public const int MaxLength = 150;

    public static bool IsValid(string id) => id.Length is > 0 and <= MaxLength && Allowed().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex Allowed();
}
