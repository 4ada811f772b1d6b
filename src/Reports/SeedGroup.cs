using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ClipHost.Reports;

/// <summary>
/// Runs that differ only in seed: the same config once <c>name</c> and <c>training.seed</c> are removed. A sweep names
/// its runs &lt;name&gt;-seed-N and a service run carries a timestamp, so the name cannot tell; the config can. A run
/// without a config.json falls back to its name less a -sN or -seed-N suffix.
/// </summary>
public sealed partial record SeedGroup(string Label, IReadOnlyList<RunSummary> Runs)
{
    /// <summary>The seeds of the group's runs, in order.</summary>
    public IReadOnlyList<long> Seeds => [.. Runs.Select(r => r.Seed).OfType<long>().Order()];

    /// <summary>Groups in the order their first run comes.</summary>
    public static IReadOnlyList<SeedGroup> Of(IReadOnlyList<RunSummary> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return [.. runs.GroupBy(Key, StringComparer.Ordinal).Select(g => new SeedGroup(Name([.. g]), [.. g]))];
    }

    /// <summary>A headline column over the group's seeds.</summary>
    public SeedStatistic? Statistic(string column) =>
        SeedStatistic.Of(Runs.SelectMany(r => r.Headline().Where(h => h.Column == column).Select(h => h.Value)));

    /// <summary>A headline column by seed, for pairing with another group.</summary>
    public IReadOnlyDictionary<long, double> BySeed(string column) => Runs
        .Where(r => r.Seed is not null)
        .SelectMany(r => r.Headline().Where(h => h.Column == column).Select(h => (Seed: r.Seed!.Value, h.Value)))
        .GroupBy(p => p.Seed).ToDictionary(g => g.Key, g => g.First().Value);

    /// <summary>The grouping key: the config without name and seed, keys sorted so that the order in a file does not count.</summary>
    public static string Key(RunSummary run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Config?.DeepClone() is not JsonObject config)
        {
            return "name:" + SeedSuffix().Replace(run.Name, string.Empty);
        }
        config.Remove("name");
        (config["training"] as JsonObject)?.Remove("seed");
        return "config:" + Canonical(config)!.ToJsonString();
    }

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Canonical)]),
        _ => node?.DeepClone(),
    };

    /// <summary>The runs' common name less a trailing seed marker: "sweep" for sweep-seed-0, sweep-seed-1.</summary>
    private static string Name(IReadOnlyList<RunSummary> runs)
    {
        if (runs.Count == 1)
        {
            return runs[0].Name;
        }
        var prefix = runs.Select(r => r.Name).Aggregate((a, b) => a[..a.Zip(b).TakeWhile(p => p.First == p.Second).Count()]);
        var label = SeedMarker().Replace(prefix, string.Empty);
        return label.Length > 0 ? label : runs[0].Name;
    }

    [GeneratedRegex("-s(eed-)?[0-9]+$")]
    private static partial Regex SeedSuffix();

    [GeneratedRegex("([-_.]s(eed)?([-_]?[0-9]*)?)?[-_.]*$")]
    private static partial Regex SeedMarker();
}
