namespace ClipHost.Engine.Precision;

/// <summary>
/// The machine's measured precision choices, one JSON file keyed by machine and model (see
/// <see cref="PrecisionChooser"/>). The first measurement of a key wins and is never overwritten, so two runs that
/// start together cannot choose differently, and a run's precision stays what the machine chose the first time.
/// </summary>
public sealed class PrecisionCache(string path)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Per machine: under the user's local data folder (~/.local/share/clip-host on Linux).</summary>
    public static string DefaultPath =>
        System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "clip-host", "precision.json");

    public string Path => path;

    public PrecisionChoice? Find(string key) => Read().GetValueOrDefault(key);

    /// <summary>Adds a choice unless the key has one already; returns the one that stands.</summary>
    public PrecisionChoice Add(string key, PrecisionChoice choice)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        using var gate = Lock();
        var entries = Read();
        if (entries.TryGetValue(key, out var standing))
        {
            return standing;
        }
        entries[key] = choice;
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(entries, Json));
        File.Move(temporary, path, overwrite: true);
        return choice;
    }

    private Dictionary<string, PrecisionChoice> Read()
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<Dictionary<string, PrecisionChoice>>(File.ReadAllText(path), Json) ?? [] : [];
        }
        catch (JsonException)
        {
            // A damaged cache only costs a measurement: it is rewritten whole by the next Add.
            return [];
        }
    }

    /// <summary>An exclusive lock file beside the cache, so processes sharing the machine add one at a time.</summary>
    private FileStream Lock()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (attempt < 200)
            {
                Thread.Sleep(50);
            }
        }
    }
}
