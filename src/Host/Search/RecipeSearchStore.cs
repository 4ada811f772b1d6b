using ClipHost.Engine.Paths;
using ClipHost.Engine.Search;

namespace ClipHost.Host.Search;

/// <summary>
/// Searches under the runs root's ".searches" folder (shared by every host, as the runs are): each search's folder holds
/// its record (search.json), and once it finished its recommended.json, report.md and the winner's test evaluation.
/// </summary>
public sealed class RecipeSearchStore(DataLayout layout)
{
    public const string Folder = ".searches";

    private const string RecordFile = "search.json";

    public string Root => Path.Combine(layout.Runs, Folder);

    /// <summary>The search's folder; the name is checked, so it cannot leave the root.</summary>
    public string DirectoryOf(string name) => RootedPath.Child(Root, name, "search");

    public RecipeSearchRecord? Get(string name)
    {
        if (!Identifier.IsValid(name))
        {
            return null;
        }
        var path = Path.Combine(DirectoryOf(name), RecordFile);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<RecipeSearchRecord>(File.ReadAllText(path), RunStore.SerializerOptions) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The record and its search parsed again; null when there is no such search.</summary>
    public (RecipeSearchRecord Record, RecipeSearch Search)? Load(string name)
    {
        if (Get(name) is not { } record)
        {
            return null;
        }
        var (search, errors) = RecipeSearchFile.Parse(record.SearchJson, null, null);
        return search is null ? throw new InvalidOperationException($"search '{name}' has a record that no longer parses: {string.Join("; ", errors)}") : (record, search);
    }

    /// <summary>Every search whose record parses, each read once; one that no longer parses is left out of the listing.</summary>
    public IReadOnlyList<(RecipeSearchRecord Record, RecipeSearch Search)> LoadAll() =>
        [.. List().Select(r => (Record: r, RecipeSearchFile.Parse(r.SearchJson, null, null).Search)).Where(l => l.Search is not null).Select(l => (l.Record, l.Search!))];

    public IReadOnlyList<RecipeSearchRecord> List() =>
        Directory.Exists(Root)
            ? [.. Directory.EnumerateDirectories(Root).Select(d => Get(Path.GetFileName(d))).OfType<RecipeSearchRecord>().OrderByDescending(s => s.SubmittedAt)]
            : [];

    /// <summary>
    /// The record of <paramref name="search"/> (sent as <paramref name="json"/>): the existing one when the same search
    /// was sent before, a new one otherwise; a search of that name with another definition is refused.
    /// </summary>
    public RecipeSearchRecord Claim(string json, RecipeSearch search, string source, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(search);
        var selfContained = RecipeSearchFile.SelfContained(json, search);
        if (Get(search.Name) is not { } record)
        {
            return new RecipeSearchRecord(search.Name, source, now, selfContained);
        }
        if (!System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(record.SearchJson), System.Text.Json.Nodes.JsonNode.Parse(selfContained)))
        {
            throw new RunConflictException($"a search named '{search.Name}' with another definition exists under {Root}; give this one another name");
        }
        return record;
    }

    public void Save(RecipeSearchRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var dir = DirectoryOf(record.Name);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, RecordFile);
        var temp = $"{path}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(record, RunStore.SerializerOptions));
        File.Move(temp, path, overwrite: true);
    }
}
