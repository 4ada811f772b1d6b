using ClipHost.Abstractions.Options;
using System.Text.Json.Nodes;
using ClipHost.Engine.Paths;

namespace ClipHost.Engine.Studies;

/// <summary>
/// Reads a study: <c>{"name", "base", "combine", "axes"}</c>. The base is the experiment inline, or a file named
/// relative to the study's folder that must stay inside the experiments root (a request names no file outside it).
/// An axis is <c>{"path", "values", "labels"?, "name"?}</c>, or <c>{"name", "values": [{"label", "set": {path: value}}]}</c>
/// when one value sets several paths (an architecture and its preset); <c>prepare</c> lists what the cells need first
/// (<see cref="StudyPrepare"/>). Errors name the field, never throw.
/// </summary>
public static class StudyFile
{
    private static readonly string[] TopLevel = ["name", "description", "base", "combine", "axes", "prepare"];

    /// <param name="json">The study.</param>
    /// <param name="directory">The folder a base file is named relative to; null when the study came without one (then the base must be inline).</param>
    /// <param name="root">The folder a base file must lie inside.</param>
    public static (StudyDefinition? Study, IReadOnlyList<OptionError> Errors) Parse(string json, string? directory, string? root)
    {
        JsonObject study;
        try
        {
            study = JsonNode.Parse(json, documentOptions: new System.Text.Json.JsonDocumentOptions { AllowDuplicateProperties = false }) as JsonObject ?? throw new JsonException("not a JSON object");
        }
        catch (JsonException e)
        {
            return (null, [new OptionError("study", $"is not a JSON object ({e.Message.Split(" Path:")[0]})")]);
        }
        var errors = new List<OptionError>();
        errors.AddRange(study.Select(p => p.Key).Where(k => !TopLevel.Contains(k)).Select(k => new OptionError(k, $"is not a study field (the fields are {string.Join(", ", TopLevel)})")));
        var name = study["name"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (Identifier.Check(name, "name") is { } badName)
        {
            errors.Add(badName);
        }
        var baseConfig = Base(study["base"], directory, root, errors);
        var combine = Combine(study["combine"], errors);
        var axes = StudyAxes.Parse(study["axes"], combine, errors);
        var prepare = StudyPrepare.Parse(study["prepare"], errors);
        return errors.Count > 0 ? (null, errors) : (new StudyDefinition(name!, baseConfig!, combine, axes) { Prepare = prepare }, []);
    }

    public static (StudyDefinition? Study, IReadOnlyList<OptionError> Errors) Load(string path)
    {
        if (!File.Exists(path))
        {
            return (null, [new OptionError("study", $"{path} does not exist")]);
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return Parse(File.ReadAllText(path), directory, Path.GetDirectoryName(directory) ?? directory);
    }

    /// <summary>The base experiment: inline, or a file named relative to <paramref name="directory"/> that lies inside <paramref name="root"/>.</summary>
    public static JsonObject? Base(JsonNode? node, string? directory, string? root, List<OptionError> errors)
    {
        switch (node)
        {
            case JsonObject inline:
                return inline;
            case JsonValue value when value.TryGetValue<string>(out var file):
                if (directory is null || root is null)
                {
                    errors.Add(new OptionError("base", "give the base experiment inline (a JSON object): a study sent without a file has no folder to name files from"));
                    return null;
                }
                if (RootedPath.Inside(root, Path.Combine(directory, file)) is not { } full)
                {
                    errors.Add(new OptionError("base", $"'{file}' lies outside {root}"));
                    return null;
                }
                if (!File.Exists(full))
                {
                    errors.Add(new OptionError("base", $"{full} does not exist"));
                    return null;
                }
                try
                {
                    return JsonNode.Parse(File.ReadAllText(full)) as JsonObject ?? throw new JsonException("not a JSON object");
                }
                catch (JsonException e)
                {
                    errors.Add(new OptionError("base", $"{full} is not an experiment ({e.Message.Split(" Path:")[0]})"));
                    return null;
                }
            default:
                errors.Add(new OptionError("base", "required: the base experiment, inline or as a file name"));
                return null;
        }
    }

    private static StudyCombine Combine(JsonNode? node, List<OptionError> errors)
    {
        var text = node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node is null ? "cross" : null;
        switch (text)
        {
            case "cross":
                return StudyCombine.Cross;
            case "zip":
                return StudyCombine.Zip;
            default:
                errors.Add(new OptionError("combine", $"'{node?.ToJsonString()}': give \"cross\" (every combination, the default) or \"zip\" (the n-th value of every axis together)"));
                return StudyCombine.Cross;
        }
    }
}
