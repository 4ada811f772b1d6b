using System.Globalization;

namespace ClipHost.Plugins.DataFilters.Basic;

/// <summary>Formatting shared by the drop reasons, so reports read the same whichever filter wrote them.</summary>
internal static class DropReasonText
{
    private const int MaxQuoted = 60;

    /// <summary>A bound or share as written in options: up to three decimals, invariant culture.</summary>
    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A measured share with two decimals.</summary>
    public static string Share(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A caption in quotes, cut so that a long one does not swamp the report.</summary>
    public static string Quote(string caption) =>
        caption.Length <= MaxQuoted ? $"'{caption}'" : $"'{caption[..(MaxQuoted - 1)]}…'";
}
