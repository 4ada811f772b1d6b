using ClipHost.Abstractions.Options;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.IO;
using ClipHost.Engine.Paths;

namespace ClipHost.Engine.Evaluation;

/// <summary>
/// Reads a class-name or template file named in a config (<see cref="PromptFile"/>): kept inside the prompts root,
/// bounded in size, in the layouts CLIP_benchmark's users have. Every problem is an error naming the field.
/// </summary>
public static class PromptFileReader
{
    /// <summary>CLIP_benchmark's en_classnames.json, every dataset's names, is well under a megabyte.</summary>
    public const long MaxBytes = 4L << 20;

    public static (PromptEntries? Entries, OptionError? Error) Read(PromptFile file, DataLayout layout, string field)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(layout);
        if (layout.Prompt(file.Path) is not { } path)
        {
            return Fail(field, $"'{file.Path}' lies outside {layout.Prompts}; name a file inside it");
        }
        var (text, problem) = BoundedText.Read(path, MaxBytes);
        if (text is null)
        {
            return Fail(field, problem!);
        }
        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            // CLIP_benchmark's WebDataset layout: classnames.txt, zeroshot_classification_templates.txt, one per line.
            return file.Key is null
                ? (new PromptEntries([.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)], null), null)
                : Fail(field, $"{path} is a list, one entry a line; a key picks a dataset in a JSON file keyed by dataset name");
        }
        try
        {
            using var json = JsonDocument.Parse(text);
            return FromJson(json.RootElement, file.Key, path, field);
        }
        catch (JsonException e)
        {
            return Fail(field, $"{path} is not JSON: {e.Message}");
        }
    }

    private static (PromptEntries? Entries, OptionError? Error) FromJson(JsonElement root, string? key, string path, string field)
    {
        if (key is not null)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Fail(field, $"{path} is not keyed by dataset name; leave out the key");
            }
            if (!root.TryGetProperty(key, out var entry))
            {
                return Fail(field, $"{path} has no key '{Identifier.Shorten(key)}'; it has {Keys(root)}");
            }
            return entry.ValueKind == JsonValueKind.Array ? Strings(entry, $"{path} [{key}]", field)
                : Fail(field, $"{path} [{key}] is not a list; class-specific templates (an object from class to prompts) are not supported");
        }
        if (root.ValueKind == JsonValueKind.Array)
        {
            return Strings(root, path, field);
        }
        if (root.ValueKind == JsonValueKind.Object && root.EnumerateObject().All(p => p.Value.ValueKind == JsonValueKind.String))
        {
            return (new PromptEntries(null, root.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal)), null);
        }
        return root.ValueKind == JsonValueKind.Object
            ? Fail(field, $"{path} is keyed by dataset name; give the key, one of {Keys(root)}")
            : Fail(field, $"{path} holds a {root.ValueKind}, not a list or an object");
    }

    private static (PromptEntries? Entries, OptionError? Error) Strings(JsonElement list, string what, string field)
    {
        var items = list.EnumerateArray().ToList();
        var bad = items.FindIndex(i => i.ValueKind != JsonValueKind.String);
        return bad < 0 ? (new PromptEntries([.. items.Select(i => i.GetString()!)], null), null)
            : Fail(field, $"{what}: entry {bad} is a {items[bad].ValueKind}, not a string");
    }

    private static string Keys(JsonElement root)
    {
        var keys = root.EnumerateObject().Select(p => p.Name).ToList();
        return keys.Count == 0 ? "no keys" : string.Join(", ", keys.Take(12)) + (keys.Count > 12 ? $" and {keys.Count - 12} more" : string.Empty);
    }

    private static (PromptEntries? Entries, OptionError? Error) Fail(string field, string message) => (null, new OptionError(field, message));
}
