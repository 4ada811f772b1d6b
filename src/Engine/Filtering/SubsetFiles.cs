using System.Globalization;
using System.Text.Json.Serialization;

namespace ClipHost.Engine.Filtering;

/// <summary>
/// A subset on disk: subset.json (ids and lineage) and steps/NN-&lt;filter id&gt;.jsonl (every filter's decision per
/// candidate, for reports). subset.json is written last and atomically, so a folder with it is complete.
/// </summary>
public static class SubsetFiles
{
    public const string Record = "subset.json";

    /// <summary>The folder of a run that holds the ids it trained on and their lineage.</summary>
    public const string RunFolder = "subset";
    public const string Steps = "steps";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private static readonly JsonSerializerOptions Lines = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static JsonSerializerOptions SerializerOptions => Json;

    /// <summary>Writes a subset; <paramref name="inherited"/> are the steps files of a subset it started from, copied first so the files follow the lineage's order.</summary>
    public static void Write(string directory, SubsetRecord record, IReadOnlyList<FilterStepResult> steps, IReadOnlyList<(string Folder, int Index, string Id)>? inherited = null)
    {
        var stepsDir = Path.Combine(directory, Steps);
        if (Directory.Exists(stepsDir))
        {
            Directory.Delete(stepsDir, recursive: true);
        }
        Directory.CreateDirectory(stepsDir);
        inherited ??= [];
        for (var i = 0; i < inherited.Count; i++)
        {
            var from = Path.Combine(inherited[i].Folder, Steps, StepFile(inherited[i].Index, inherited[i].Id));
            if (File.Exists(from))
            {
                File.Copy(from, Path.Combine(stepsDir, StepFile(i, inherited[i].Id)));
            }
        }
        for (var i = 0; i < steps.Count; i++)
        {
            using var writer = new StreamWriter(Path.Combine(stepsDir, StepFile(inherited.Count + i, steps[i].Step.Id)));
            foreach (var decision in steps[i].Decisions())
            {
                writer.WriteLine(JsonSerializer.Serialize(decision, Lines));
            }
        }
        var temp = Path.Combine(directory, $".{Record}.{Environment.ProcessId}.tmp");
        File.WriteAllText(temp, JsonSerializer.Serialize(record, Json));
        File.Move(temp, Path.Combine(directory, Record), overwrite: true);
    }

    /// <summary>The subset in a folder, or null when the folder holds none.</summary>
    public static SubsetRecord? Read(string directory)
    {
        var path = Path.Combine(directory, Record);
        return File.Exists(path) ? JsonSerializer.Deserialize<SubsetRecord>(File.ReadAllText(path), Json) : null;
    }

    /// <summary>The decisions of filter <paramref name="index"/> of the subset in a folder.</summary>
    public static IReadOnlyList<FilterDecision> ReadStep(string directory, int index, string filterId)
    {
        var path = Path.Combine(directory, Steps, StepFile(index, filterId));
        return [.. File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<FilterDecision>(l, Lines)!)];
    }

    public static string StepFile(int index, string filterId) => string.Create(CultureInfo.InvariantCulture, $"{index + 1:D2}-{filterId}.jsonl");
}
