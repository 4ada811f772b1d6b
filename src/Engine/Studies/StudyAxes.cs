using ClipHost.Abstractions.Options;
using System.Text.Json.Nodes;
using ClipHost.Engine.Paths;

namespace ClipHost.Engine.Studies;

/// <summary>Reads a study's "axes": each named, non-empty, with distinct labels; zipped axes of one length.</summary>
internal static class StudyAxes
{
    private static readonly string[] AxisFields = ["name", "path", "values", "labels"];

    public static IReadOnlyList<StudyAxis> Parse(JsonNode? node, StudyCombine combine, List<OptionError> errors)
    {
        if (node is not JsonArray { Count: > 0 } list)
        {
            errors.Add(new OptionError("axes", "required: a list of axes, e.g. [{\"path\": \"training.seed\", \"values\": [0, 1, 2]}]"));
            return [];
        }
        var axes = new List<StudyAxis>();
        for (var i = 0; i < list.Count; i++)
        {
            if (Axis(list[i], $"axes[{i}]", errors) is { } axis)
            {
                axes.Add(axis);
            }
        }
        foreach (var twice in axes.GroupBy(a => a.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new OptionError($"{twice.Last().Field}.name", $"'{twice.Key}' names two axes; give each its own \"name\""));
        }
        if (combine == StudyCombine.Zip && axes.Select(a => a.Levels.Count).Distinct().Count() > 1)
        {
            errors.Add(new OptionError("axes", $"\"zip\" takes the n-th value of every axis together, so every axis needs as many values ({string.Join(", ", axes.Select(a => $"{a.Name}: {a.Levels.Count}"))})"));
        }
        return axes;
    }

    private static StudyAxis? Axis(JsonNode? node, string field, List<OptionError> errors)
    {
        if (node is not JsonObject axis)
        {
            errors.Add(new OptionError(field, "an axis is an object: {\"path\", \"values\"} or {\"name\", \"values\": [{\"label\", \"set\"}]}"));
            return null;
        }
        errors.AddRange(axis.Select(p => p.Key).Where(k => !AxisFields.Contains(k)).Select(k => new OptionError($"{field}.{k}", $"is not an axis field (the fields are {string.Join(", ", AxisFields)})")));
        var path = Text(axis["path"]);
        var name = Text(axis["name"]) ?? path?.Split('.')[^1].Split('[')[0];
        var named = name is null ? field : $"{field} ({name})";
        if (name is null)
        {
            errors.Add(new OptionError($"{field}.name", "required when the axis has no path"));
            return null;
        }
        if (Identifier.Problem(name, 40) is { } problem)
        {
            errors.Add(new OptionError($"{field}.name", $"'{name}' {problem}"));
            return null;
        }
        if (axis["values"] is not JsonArray { Count: > 0 } values)
        {
            errors.Add(new OptionError($"{named}.values", "give at least one value"));
            return null;
        }
        var labels = axis["labels"] as JsonArray;
        if (labels is not null && (labels.Count != values.Count || labels.Any(l => Text(l) is null)))
        {
            errors.Add(new OptionError($"{named}.labels", $"give one text label per value ({values.Count})"));
            return null;
        }
        var levels = new List<StudyLevel>();
        for (var j = 0; j < values.Count; j++)
        {
            var level = path is not null
                ? new StudyLevel(Text(labels?[j]) ?? StudyLabels.Of(values[j], j), [new(path, values[j]?.DeepClone())])
                : Multi(values[j], $"{named}.values[{j}]", errors);
            if (level is not null)
            {
                levels.Add(level);
            }
        }
        Check(levels, named, errors);
        return new StudyAxis(name, path ?? name, named, levels);
    }

    /// <summary>A value that sets several paths: {"label": "resnet", "set": {"model.vision.architecture": "resnet", ...}}.</summary>
    private static StudyLevel? Multi(JsonNode? node, string field, List<OptionError> errors)
    {
        if (node is not JsonObject value || Text(value["label"]) is not { } label || value["set"] is not JsonObject { Count: > 0 } set)
        {
            errors.Add(new OptionError(field, "an axis without a path takes values {\"label\": \"...\", \"set\": {\"config.path\": value, ...}}"));
            return null;
        }
        return new StudyLevel(label, [.. set.Select(p => new KeyValuePair<string, JsonNode?>(p.Key, p.Value?.DeepClone()))]);
    }

    private static void Check(List<StudyLevel> levels, string field, List<OptionError> errors)
    {
        foreach (var level in levels.Where(l => Identifier.Problem(l.Label, 40) is not null))
        {
            errors.Add(new OptionError($"{field}.labels", $"'{level.Label}' {Identifier.Problem(level.Label, 40)} (a label goes into the cell's run name)"));
        }
        foreach (var twice in levels.GroupBy(l => l.Label, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new OptionError($"{field}.values", $"two values have the label '{twice.Key}'; give \"labels\""));
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
