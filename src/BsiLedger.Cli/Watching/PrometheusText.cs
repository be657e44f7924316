using System.Globalization;
using System.Text;

namespace BsiLedger.Cli.Watching;

/// <summary>Reads the Prometheus text exposition format (what <c>/metrics</c> serves): samples, comments skipped.</summary>
public static class PrometheusText
{
    public static IReadOnlyList<PrometheusSample> Parse(string text)
    {
        var samples = new List<PrometheusSample>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var brace = line.IndexOf('{', StringComparison.Ordinal);
            // Anything this reader cannot take apart is skipped: one odd line must not end the watch.
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0)
            {
                continue;
            }

            string name;
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            int rest;
            if (brace >= 0 && brace < space)
            {
                name = line[..brace];
                rest = ReadLabels(line, brace + 1, labels);
                if (rest < 0)
                {
                    continue;
                }
            }
            else
            {
                name = line[..space];
                rest = space;
            }

            var fields = line[rest..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 0 && double.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                samples.Add(new PrometheusSample(name, labels, value));
            }
        }

        return samples;
    }

    /// <summary>Reads <c>name="value",…}</c> from <paramref name="at"/>; returns the index after the closing brace, or -1.</summary>
    private static int ReadLabels(string line, int at, Dictionary<string, string> labels)
    {
        while (at < line.Length && line[at] != '}')
        {
            var equals = line.IndexOf('=', at);
            if (equals < 0 || equals + 1 >= line.Length || line[equals + 1] != '"')
            {
                return -1;
            }

            var name = line[at..equals].Trim().TrimStart(',').Trim();
            var value = new StringBuilder();
            var i = equals + 2;
            for (; i < line.Length && line[i] != '"'; i++)
            {
                if (line[i] == '\\' && i + 1 < line.Length)
                {
                    i++;
                    value.Append(line[i] == 'n' ? '\n' : line[i]);
                }
                else
                {
                    value.Append(line[i]);
                }
            }

            labels[name] = value.ToString();
            at = i + 1;
            if (at < line.Length && line[at] == ',')
            {
                at++;
            }
        }

        return at < line.Length ? at + 1 : -1;
    }
}
