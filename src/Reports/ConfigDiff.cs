using System.Text.Json.Nodes;

namespace ClipHost.Reports;

/// <summary>Two configs as changed paths (training.budget.gflops, data.filters[0].options.topPercent) with both values.</summary>
public static class ConfigDiff
{
    public const string Absent = "(absent)";

    public static IReadOnlyList<(string Path, string First, string Second)> Of(JsonNode? first, JsonNode? second)
    {
        var (a, b) = (Flatten(first), Flatten(second));
        return [.. a.Keys.Union(b.Keys).Order(StringComparer.Ordinal)
            .Select(p => (Path: p, First: a.GetValueOrDefault(p, Absent), Second: b.GetValueOrDefault(p, Absent)))
            .Where(d => d.First != d.Second)];
    }

    /// <summary>Every leaf by its path; an empty object or array is a leaf of its own.</summary>
    public static Dictionary<string, string> Flatten(JsonNode? node)
    {
        var leaves = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(node, string.Empty, leaves);
        return leaves;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, string> leaves)
    {
        switch (node)
        {
            case JsonObject o when o.Count > 0:
                foreach (var (key, value) in o)
                {
                    Walk(value, path.Length == 0 ? key : $"{path}.{key}", leaves);
                }
                break;
            case JsonArray a when a.Count > 0:
                for (var i = 0; i < a.Count; i++)
                {
                    Walk(a[i], $"{path}[{i}]", leaves);
                }
                break;
            default:
                leaves[path] = node?.ToJsonString() ?? "null";
                break;
        }
    }
}
