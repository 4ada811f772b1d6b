using System.Text;
using System.Text.Json.Nodes;
using ClipHost.Abstractions.Options;

namespace ClipHost.Engine.Experiments;

/// <summary>
/// Expands one experiment into a grid of runs, one per combination of swept values (the paper's studies are such grids:
/// data cut, architecture, strategy at a fixed budget). Each variant is the config JSON with the paths set, named
/// &lt;name&gt;-&lt;leaf&gt;-&lt;value&gt; per axis, so every variant is an ordinary, resumable run.
/// </summary>
public static class ConfigSweep
{
    /// <summary>Parses "path=v1,v2,..." (values as JSON when they parse, else strings) or "path=[json, ...]".</summary>
    public static SweepAxis ParseAxis(string spec)
    {
        var eq = spec.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || eq == spec.Length - 1)
        {
            throw new OptionsValidationFailedException([new OptionError("--sweep", $"'{spec}': write path=value1,value2 (e.g. data.filters[0].options.topPercent=20,40)")]);
        }
        var path = spec[..eq].Trim();
        var text = spec[(eq + 1)..].Trim();
        List<JsonNode?> values;
        if (text.StartsWith('['))
        {
            try
            {
                values = [.. (JsonNode.Parse(text) as JsonArray ?? throw new JsonException("not an array")).Select(v => v?.DeepClone())];
            }
            catch (JsonException e)
            {
                throw new OptionsValidationFailedException([new OptionError("--sweep", $"'{path}': the values are not a JSON array ({e.Message})")]);
            }
        }
        else
        {
            values = [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(ParseValue)];
        }
        if (values.Count == 0)
        {
            throw new OptionsValidationFailedException([new OptionError("--sweep", $"'{path}': give at least one value")]);
        }
        var labels = values.Select((v, i) => Label(v, i)).ToList();
        if (labels.Distinct(StringComparer.Ordinal).Count() != labels.Count)
        {
            throw new OptionsValidationFailedException([new OptionError("--sweep", $"'{path}': two values give the same run name ({string.Join(", ", labels)})")]);
        }
        return new SweepAxis(path, values, labels);
    }

    /// <summary>Every combination of the axes, as (run name, config JSON), in axis order (the last axis varies fastest).</summary>
    public static IReadOnlyList<(string Name, string Json)> Expand(string configJson, IReadOnlyList<SweepAxis> axes)
    {
        var root = JsonNode.Parse(configJson) as JsonObject
            ?? throw new OptionsValidationFailedException([new OptionError("--config", "the experiment is not a JSON object")]);
        var baseName = root["name"]?.GetValue<string>() ?? throw new OptionsValidationFailedException([new OptionError("name", "the experiment needs a name to name its sweep's runs")]);
        var variants = new List<(string, string)>();
        var index = new int[axes.Count];
        while (true)
        {
            var copy = (JsonObject)root.DeepClone();
            var name = new StringBuilder(baseName);
            for (var a = 0; a < axes.Count; a++)
            {
                Set(copy, axes[a].Path, axes[a].Values[index[a]]?.DeepClone());
                name.Append('-').Append(axes[a].Leaf).Append('-').Append(axes[a].Labels[index[a]]);
            }
            copy["name"] = name.ToString();
            variants.Add((name.ToString(), copy.ToJsonString()));
            var axis = axes.Count - 1;
            while (axis >= 0 && ++index[axis] == axes[axis].Values.Count)
            {
                index[axis--] = 0;
            }
            if (axis < 0)
            {
                return variants;
            }
        }
    }

    /// <summary>Sets a dotted path with [n] indices; missing objects on the way are created, a missing array element is an error.</summary>
    public static void Set(JsonObject root, string path, JsonNode? value)
    {
        JsonNode current = root;
        var segments = path.Split('.');
        for (var s = 0; s < segments.Length; s++)
        {
            var (name, indices) = Segment(segments[s], path);
            var last = s == segments.Length - 1;
            if (current is not JsonObject obj)
            {
                throw new OptionsValidationFailedException([new OptionError("--sweep", $"'{path}': '{name}' is not inside an object")]);
            }
            if (last && indices.Count == 0)
            {
                obj[name] = value;
                return;
            }
            var next = obj[name] ?? (indices.Count == 0 ? obj[name] = new JsonObject() : null)
                ?? throw new OptionsValidationFailedException([new OptionError("--sweep", $"'{path}': the config has no '{name}' list to index")]);
            for (var i = 0; i < indices.Count; i++)
            {
                if (next is not JsonArray array || indices[i] >= array.Count)
                {
                    throw new OptionsValidationFailedException([new OptionError("--sweep", $"'{path}': '{name}' has no element [{indices[i]}]")]);
                }
                if (last && i == indices.Count - 1)
                {
                    array[indices[i]] = value;
                    return;
                }
                next = array[indices[i]] ?? throw new OptionsValidationFailedException([new OptionError("--sweep", $"'{path}': '{name}[{indices[i]}]' is null")]);
            }
            current = next;
        }
    }

    private static (string Name, List<int> Indices) Segment(string segment, string path)
    {
        var bracket = segment.IndexOf('[', StringComparison.Ordinal);
        var name = bracket < 0 ? segment : segment[..bracket];
        var indices = new List<int>();
        while (bracket >= 0)
        {
            var close = segment.IndexOf(']', bracket);
            if (close < 0 || !int.TryParse(segment.AsSpan(bracket + 1, close - bracket - 1), out var i) || i < 0)
            {
                throw new OptionsValidationFailedException([new OptionError("--sweep", $"'{path}': bad index in '{segment}'")]);
            }
            indices.Add(i);
            bracket = segment.IndexOf('[', close);
        }
        if (name.Length == 0)
        {
            throw new OptionsValidationFailedException([new OptionError("--sweep", $"'{path}': empty name in the path")]);
        }
        return (name, indices);
    }

    private static JsonNode? ParseValue(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    private static string Label(JsonNode? value, int index)
    {
        var text = value is JsonValue v ? (v.TryGetValue<string>(out var s) ? s : v.ToJsonString()) : $"v{index + 1}";
        var safe = new string([.. text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_')]);
        return safe.Length is > 0 and <= 40 ? safe : $"v{index + 1}";
    }
}
