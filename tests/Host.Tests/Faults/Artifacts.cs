using System.Security.Cryptography;
using System.Text.Json;

namespace ClipHost.Host.Tests.Faults;

/// <summary>
/// Reads what the verbs leave on disk as a user's next command would, to tell complete from half-written: a store,
/// a subset, a checkpoint or an evaluation result that looks finished must be whole and parse.
/// </summary>
public static class Artifacts
{
    /// <summary>Stores under data/stores: a folder not marked partial must have its manifest, and the sizes it states.</summary>
    public static IReadOnlyList<string> HalfWrittenStores(string storesRoot)
    {
        var problems = new List<string>();
        if (!Directory.Exists(storesRoot))
        {
            return problems;
        }
        foreach (var dir in Directory.EnumerateDirectories(storesRoot).Where(d => !Path.GetFileName(d).StartsWith(".partial-", StringComparison.Ordinal)))
        {
            var manifest = Path.Combine(dir, "manifest.json");
            if (!File.Exists(manifest))
            {
                problems.Add($"{dir}: a store folder without manifest.json");
                continue;
            }
            try
            {
                using var json = JsonDocument.Parse(File.ReadAllText(manifest));
                var count = json.RootElement.GetProperty("count").GetInt32();
                var resolution = json.RootElement.GetProperty("resolution").GetInt32();
                var pixels = new FileInfo(Path.Combine(dir, "images.u8"));
                if (!pixels.Exists || pixels.Length != (long)count * resolution * resolution * 3)
                {
                    problems.Add($"{dir}: images.u8 is {(pixels.Exists ? pixels.Length : -1)} bytes, the manifest's {count} images need {(long)count * resolution * resolution * 3}");
                }
                var lines = File.ReadLines(Path.Combine(dir, "samples.jsonl")).Count(l => l.Length > 0);
                if (lines != count)
                {
                    problems.Add($"{dir}: samples.jsonl has {lines} lines, the manifest says {count}");
                }
            }
            catch (Exception e) when (e is JsonException or IOException or KeyNotFoundException)
            {
                problems.Add($"{dir}: {e.Message}");
            }
        }
        return problems;
    }

    /// <summary>A subset with subset.json must have one whole steps file per filter of its lineage.</summary>
    public static IReadOnlyList<string> HalfWrittenSubset(string subsetDir)
    {
        var record = Path.Combine(subsetDir, "subset.json");
        if (!File.Exists(record))
        {
            return [];
        }
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(record));
            var lineage = json.RootElement.GetProperty("lineage").GetArrayLength();
            var steps = Directory.Exists(Path.Combine(subsetDir, "steps")) ? Directory.GetFiles(Path.Combine(subsetDir, "steps"), "*.jsonl") : [];
            if (steps.Length != lineage)
            {
                return [$"{subsetDir}: subset.json names {lineage} filters, steps/ holds {steps.Length} files"];
            }
            foreach (var step in steps)
            {
                foreach (var line in File.ReadLines(step).Where(l => l.Length > 0))
                {
                    using var _ = JsonDocument.Parse(line);
                }
            }
            return [];
        }
        catch (Exception e) when (e is JsonException or IOException or KeyNotFoundException)
        {
            return [$"{subsetDir}: {e.Message}"];
        }
    }

    public static readonly string[] CheckpointFiles = ["model.safetensors", "open_clip_config.json", "tokenizer.json", "state.json", "optimizer.bin"];

    /// <summary>
    /// A run's checkpoints: `latest` must name a folder holding every file, whose state.json parses and whose
    /// safetensors header covers the file; a step folder not marked .partial must be whole too.
    /// </summary>
    public static IReadOnlyList<string> HalfWrittenCheckpoints(string runDir)
    {
        var root = Path.Combine(runDir, "checkpoints");
        var problems = new List<string>();
        if (!Directory.Exists(root))
        {
            return problems;
        }
        var latest = Path.Combine(root, "latest");
        if (File.Exists(latest) && !Directory.Exists(Path.Combine(root, File.ReadAllText(latest).Trim())))
        {
            problems.Add($"{latest} names '{File.ReadAllText(latest).Trim()}', which does not exist");
        }
        foreach (var dir in Directory.EnumerateDirectories(root, "step-*").Where(d => !d.EndsWith(".partial", StringComparison.Ordinal)))
        {
            var missing = CheckpointFiles.Where(f => !File.Exists(Path.Combine(dir, f))).ToList();
            if (missing.Count > 0)
            {
                problems.Add($"{dir}: missing {string.Join(", ", missing)}");
                continue;
            }
            try
            {
                using var state = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "state.json")));
                using var stream = File.OpenRead(Path.Combine(dir, "model.safetensors"));
                var size = new byte[8];
                stream.ReadExactly(size);
                var header = BitConverter.ToInt64(size);
                var buffer = new byte[header];
                stream.ReadExactly(buffer);
                using var tensors = JsonDocument.Parse(buffer);
                var end = tensors.RootElement.EnumerateObject().Where(p => p.Name != "__metadata__")
                    .Max(p => p.Value.GetProperty("data_offsets")[1].GetInt64());
                if (stream.Length != 8 + header + end)
                {
                    problems.Add($"{dir}/model.safetensors: {stream.Length} bytes, its header describes {8 + header + end}");
                }
            }
            catch (Exception e) when (e is JsonException or IOException or EndOfStreamException)
            {
                problems.Add($"{dir}: {e.Message}");
            }
        }
        return problems;
    }

    /// <summary>Every evaluation result file must parse (a temporary file may be left; a truncated result may not).</summary>
    public static IReadOnlyList<string> HalfWrittenResults(string evalDir)
    {
        var problems = new List<string>();
        if (!Directory.Exists(evalDir))
        {
            return problems;
        }
        foreach (var file in Directory.EnumerateFiles(evalDir, "*.json"))
        {
            try
            {
                using var json = JsonDocument.Parse(File.ReadAllText(file));
                _ = json.RootElement.GetProperty("metrics");
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException)
            {
                problems.Add($"{file}: {e.Message}");
            }
        }
        return problems;
    }

    /// <summary>The trained weights' bytes (hashed) and the loss of every step logged, duplicates (a resumed stretch) required to agree.</summary>
    public static string TrainedFingerprint(string runDir)
    {
        var latest = Path.Combine(runDir, "checkpoints", File.ReadAllText(Path.Combine(runDir, "checkpoints", "latest")).Trim());
        var weights = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(latest, "model.safetensors"))));
        var losses = new SortedDictionary<long, double>();
        foreach (var line in File.ReadLines(Path.Combine(runDir, "metrics.jsonl")).Where(l => l.Length > 0))
        {
            using var json = JsonDocument.Parse(line);
            var step = json.RootElement.GetProperty("step").GetInt64();
            var loss = json.RootElement.GetProperty("loss").GetDouble();
            if (losses.TryGetValue(step, out var earlier) && earlier != loss)
            {
                return $"step {step} logged twice with different losses ({earlier} then {loss})";
            }
            losses[step] = loss;
        }
        return $"{Path.GetFileName(latest)} {weights} losses {string.Join(',', losses.Select(kv => $"{kv.Key}:{kv.Value:R}"))}";
    }

    /// <summary>Each result file's metrics, by file name.</summary>
    public static string ResultsFingerprint(string evalDir) =>
        string.Join('\n', Directory.EnumerateFiles(evalDir, "*.json").Order(StringComparer.Ordinal).Select(f =>
        {
            using var json = JsonDocument.Parse(File.ReadAllText(f));
            return $"{Path.GetFileName(f)} {json.RootElement.GetProperty("metrics").GetRawText()}";
        }));

    public static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
