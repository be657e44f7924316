using System.Globalization;
using System.Xml.Linq;
using ScottPlot;

namespace BsiLedger.Simulation.Reports;

/// <summary>A chart as an <c>&lt;svg&gt;</c> element for <c>report.html</c>, drawn by the same <see cref="Plot"/> as its PNG.</summary>
public static class ChartSvg
{
    /// <summary>
    /// The element has <paramref name="id"/> and is labelled by the element <c>{id}-caption</c>; it scales with the page
    /// (a view box). Its own ids get <paramref name="id"/> as a prefix: ScottPlot numbers its clip paths per chart, so
    /// two charts on one page would otherwise clip each other's lines.
    /// </summary>
    public static string Inline(Plot plot, string id)
    {
        var svg = XDocument.Parse(plot.GetSvgXml(ReportWriter.ChartWidth, ReportWriter.ChartHeight)).Root!;
        foreach (var attribute in svg.DescendantsAndSelf().Attributes())
        {
            if (attribute.Name.LocalName == "id")
            {
                attribute.Value = $"{id}-{attribute.Value}";
            }
            else if (attribute.Value.Contains("url(#", StringComparison.Ordinal))
            {
                attribute.Value = attribute.Value.Replace("url(#", $"url(#{id}-", StringComparison.Ordinal);
            }
        }

        svg.ReplaceAttributes(
            new XAttribute("id", id),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{id}-caption"),
            new XAttribute("viewBox", string.Create(CultureInfo.InvariantCulture, $"0 0 {ReportWriter.ChartWidth} {ReportWriter.ChartHeight}")),
            svg.Attributes().ToList());
        return svg.ToString(SaveOptions.DisableFormatting);
    }
}
