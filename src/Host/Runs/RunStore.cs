using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using ClipHost.Engine.Paths;

namespace ClipHost.Host.Runs;

/// <summary>
/// Run records as JSON files under the runs root (runs/&lt;id&gt;/run.json), written atomically (temp file, rename) so a
/// reader on any host sees either the old record or the new one. Only the host working on a run writes its record.
/// </summary>
public sealed class RunStore(DataLayout layout)
{
    public const string FileName = "run.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };
    private readonly ConcurrentDictionary<string, Lock> _locks = new(StringComparer.Ordinal);

    public static JsonSerializerOptions SerializerOptions => Json;

    public string Root => layout.Runs;

    /// <summary>The run's folder; throws for an id that is not an <see cref="Identifier"/>, so no folder is made for one.</summary>
    public string DirectoryOf(string id) => RootedPath.Child(Root, id, "runId");

    /// <summary>
    /// The run's record, or null when there is none (an id that is not an identifier names none). A run folder without
    /// a record (trained before every front end wrote one) is described from its files (<see cref="RunFolder"/>).
    /// </summary>
    public RunRecord? Get(string id)
    {
        if (!Identifier.IsValid(id))
        {
            return null;
        }
        var path = Path.Combine(DirectoryOf(id), FileName);
        if (!File.Exists(path))
        {
            return Directory.Exists(DirectoryOf(id)) ? RunFolder.Describe(DirectoryOf(id)) : null;
        }
        try
        {
            return JsonSerializer.Deserialize<RunRecord>(File.ReadAllText(path), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public IReadOnlyList<RunRecord> List() =>
        Directory.Exists(Root)
            ? [.. Directory.EnumerateDirectories(Root).Select(d => Get(Path.GetFileName(d)!)).OfType<RunRecord>().OrderByDescending(r => r.SubmittedAt)]
            : [];

    public void Save(RunRecord record) => Write(record, overwrite: true);

    /// <summary>
    /// The run's record, waiting a moment when its folder is being created by another submission of the same name
    /// (the folder exists, its record not yet: <see cref="TryCreate"/> writes it to a temporary file and moves it in),
    /// so a concurrent submission takes that run up instead of calling the folder "not a run".
    /// </summary>
    public RunRecord? GetSettled(string id)
    {
        var dir = DirectoryOf(id);
        for (var attempt = 0; attempt < 40; attempt++)
        {
            if (Get(id) is { } record)
            {
                return record;
            }
            if (!Directory.Exists(dir) || !Directory.EnumerateFileSystemEntries(dir).All(IsUnfinishedRecord))
            {
                return null;
            }
            Thread.Sleep(50);
        }
        return Get(id);
    }

    /// <summary>
    /// Clears a run folder that holds no record and nothing but what <see cref="TryCreate"/> writes before the record is
    /// in place (nothing, or its temporary files): a process killed while creating the run left it, and the name is
    /// free again. False, touching nothing, for a folder with anything else in it. Call after <see cref="GetSettled"/>,
    /// which waits out a creation still under way. Only the leftovers go, not the folder: a submission of the same
    /// name racing this one still creates the record exactly once.
    /// </summary>
    public bool TryClearUnfinishedCreation(string id)
    {
        var dir = DirectoryOf(id);
        // run.json is no unfinished record, so a folder that has one fails the test below.
        var entries = Directory.Exists(dir) ? Directory.GetFileSystemEntries(dir) : null;
        if (entries is null || !entries.All(IsUnfinishedRecord))
        {
            return false;
        }
        foreach (var leftover in entries)
        {
            File.Delete(leftover);
        }
        return true;
    }

    /// <summary>
    /// Writes a new run's record unless one exists: false when another process (or host, on shared storage) made it
    /// first. The rename without overwrite is atomic, so of two submissions of one name exactly one creates the run.
    /// </summary>
    public bool TryCreate(RunRecord record)
    {
        try
        {
            Write(record, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(Path.Combine(DirectoryOf(record.Id), FileName)))
        {
            return false;
        }
    }

    private void Write(RunRecord record, bool overwrite)
    {
        var dir = DirectoryOf(record.Id);
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{FileName}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp");
        File.WriteAllText(temp, JsonSerializer.Serialize(record, Json));
        try
        {
            File.Move(temp, Path.Combine(dir, FileName), overwrite);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static bool IsUnfinishedRecord(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith($".{FileName}.", StringComparison.Ordinal) && name.EndsWith(".tmp", StringComparison.Ordinal) && File.Exists(path);
    }

    /// <summary>Reads, changes and writes a record under this process's lock for that run.</summary>
    public RunRecord Update(string id, Func<RunRecord, RunRecord> change)
    {
        lock (_locks.GetOrAdd(id, _ => new Lock()))
        {
            var current = Get(id) ?? throw new InvalidOperationException($"run '{id}' has no record under {Root}");
            var next = change(current);
            Save(next);
            return next;
        }
    }
}
