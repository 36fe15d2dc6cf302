using System.Globalization;

namespace Referrals.Portal.Pages.Coordination;

/// <summary>
/// A horizontal bar chart drawn on the server as inline SVG (no script, no library). Each bar has its label above it
/// and its figure after it; the same figures are read out as the chart's description and stand in the table.
/// </summary>
public sealed record BarChart(string Id, string Title, IReadOnlyList<ChartBar> Bars)
{
    public const int Width = 640;
    private const int BarArea = 520;
    private const int RowHeight = 44;

    public int Height => Math.Max(1, Bars.Count) * RowHeight;

    /// <summary>The text alternative: every bar as "label: figure".</summary>
    public string Description => string.Join("; ", Bars.Select(b => $"{b.Label}: {b.Display}"));

    /// <summary>The bar's length in SVG units: proportional to the largest value, at least a sliver when not zero.</summary>
    public string LengthOf(ChartBar bar) => Svg(Length(bar));

    public string ValueX(ChartBar bar) => Svg(Length(bar) + 8);

    public static string Y(int index, int offset) => Svg(index * RowHeight + offset);

    private double Length(ChartBar bar)
    {
        var max = Bars.Count == 0 ? 0 : Bars.Max(b => b.Value);
        return max <= 0 ? 0 : Math.Max(bar.Value > 0 ? 2 : 0, bar.Value / max * BarArea);
    }

    // SVG numbers take a decimal point whatever the page's language.
    private static string Svg(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}

/// <summary>One bar: what it stands for, its value, and the value as shown (localised, with its unit).</summary>
public sealed record ChartBar(string Label, double Value, string Display);
