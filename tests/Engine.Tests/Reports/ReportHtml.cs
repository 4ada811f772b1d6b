using System.Text.RegularExpressions;

namespace ClipHost.Engine.Tests.Reports;

/// <summary>Reads back what a report page shows: image sources, the cards of a group, a step's counts.</summary>
public static partial class ReportHtml
{
    public static IReadOnlyList<string> ImageSources(string html) => [.. Img().Matches(html).Select(m => m.Groups[1].Value)];

    /// <summary>The ids of the cards in the group with this element id, in page order.</summary>
    public static IReadOnlyList<int> CardIds(string html, string group)
    {
        var match = Regex.Match(html, $"<div class=\"cards[^\"]*\" id=\"{Regex.Escape(group)}\">(.*?)</div>", RegexOptions.Singleline);
        Assert.True(match.Success, $"no card group '{group}' in the page");
        return [.. DataId().Matches(match.Groups[1].Value).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];
    }

    public static bool HasGroup(string html, string group) => html.Contains($"id=\"{group}\"", StringComparison.Ordinal);

    /// <summary>The in, kept and dropped counts a step's section carries.</summary>
    public static (int In, int Kept, int Dropped) StepCounts(string html, int step)
    {
        var m = Regex.Match(html, $"<section class=\"step\" id=\"step-{step}\" data-filter=\"[^\"]*\" data-in=\"(\\d+)\" data-kept=\"(\\d+)\" data-dropped=\"(\\d+)\">");
        Assert.True(m.Success, $"no section for step {step}");
        return (Int(m.Groups[1].Value), Int(m.Groups[2].Value), Int(m.Groups[3].Value));
    }

    private static int Int(string s) => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("<img[^>]*\\ssrc=\"([^\"]*)\"")]
    private static partial Regex Img();

    [GeneratedRegex("data-id=\"(\\d+)\"")]
    private static partial Regex DataId();
}
