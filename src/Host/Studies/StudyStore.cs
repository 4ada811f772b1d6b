using ClipHost.Engine.Paths;

namespace ClipHost.Host.Studies;

/// <summary>
/// Study records under the runs root's ".studies" folder (shared by every host, as the runs are), written atomically.
/// The folder's leading dot keeps it out of the run index: no run id starts with one.
/// </summary>
public sealed class StudyStore(DataLayout layout)
{
    public const string Folder = ".studies";

    public string Root => Path.Combine(layout.Runs, Folder);

    public StudyRecord? Get(string name)
    {
        if (!Identifier.IsValid(name))
        {
            return null;
        }
        var path = PathOf(name);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<StudyRecord>(File.ReadAllText(path), RunStore.SerializerOptions) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public IReadOnlyList<StudyRecord> List() =>
        Directory.Exists(Root)
            ? [.. Directory.EnumerateFiles(Root, "*.json").Select(f => Get(Path.GetFileNameWithoutExtension(f))).OfType<StudyRecord>().OrderByDescending(s => s.SubmittedAt)]
            : [];

    public void Save(StudyRecord study)
    {
        ArgumentNullException.ThrowIfNull(study);
        var path = PathOf(study.Name);
        Directory.CreateDirectory(Root);
        var temp = $"{path}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(study, RunStore.SerializerOptions));
        File.Move(temp, path, overwrite: true);
    }

    private string PathOf(string name) => RootedPath.Child(Root, name, "study") + ".json";
}
