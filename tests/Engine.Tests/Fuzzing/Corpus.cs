using System.Text;
using System.Text.Json;

namespace ClipHost.Engine.Tests.Fuzzing;

/// <summary>
/// Cases that once failed, kept as files and replayed in CI: <c>Corpus/&lt;target&gt;/&lt;id&gt;.bin</c> holds the
/// input's bytes and <c>&lt;id&gt;.txt</c> says what it found (first line), the input's file name and the seed that
/// generated it. New findings are written in the same form to <see cref="FuzzSettings.FindingsFolder"/>.
/// </summary>
public static class Corpus
{
    public static string Folder { get; } = Path.Combine(TestSupport.Importer.RepositoryRoot(), "tests", "Engine.Tests", "Fuzzing", "Corpus");

    public static IEnumerable<(string Id, FuzzCase Case, string Found)> Read(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.bin").Order(StringComparer.Ordinal).Select(bin =>
            {
                var lines = File.ReadAllLines(Path.ChangeExtension(bin, ".txt"));
                var name = Field(lines, "name: ") is { } json ? JsonSerializer.Deserialize<string>(json)! : "input";
                return (Path.GetFileNameWithoutExtension(bin), new FuzzCase(name, File.ReadAllBytes(bin), Field(lines, "mutations: ") ?? "replayed"), lines[0]);
            })
            : [];

    public static string SaveFinding(string target, string caseSeed, FuzzCase input, Outcome outcome)
    {
        var folder = Path.Combine(FuzzSettings.FindingsFolder, target);
        Directory.CreateDirectory(folder);
        var id = $"{outcome.Verdict.ToString().ToLowerInvariant()}-{caseSeed}";
        File.WriteAllBytes(Path.Combine(folder, id + ".bin"), input.Bytes);
        var first = outcome.Detail.Split('\n')[0];
        File.WriteAllText(Path.Combine(folder, id + ".txt"), new StringBuilder()
            .Append("found: ").Append(outcome.Verdict).Append(": ").AppendLine(first.Length > 300 ? first[..300] : first)
            .Append("name: ").AppendLine(JsonSerializer.Serialize(input.FileName))
            .Append("seed: ").AppendLine(caseSeed)
            .Append("mutations: ").AppendLine(input.Mutations)
            .ToString());
        return Path.Combine(folder, id + ".bin");
    }

    private static string? Field(string[] lines, string prefix) =>
        lines.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..];
}
