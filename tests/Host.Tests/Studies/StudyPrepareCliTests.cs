using System.Text.Json;

namespace ClipHost.Host.Tests.Studies;

/// <summary>
/// A study's `prepare` steps through `clip-host study run`: the noisy store and the cross-fitted teachers are made
/// first, once, and the cells filter with teachers that never saw the pairs they score; a bad step refuses the study
/// before anything is made.
/// </summary>
public sealed class StudyPrepareCliTests
{
    private static string Base() => ColoursData.Tiny("base", epochs: 2, evaluate: false)
        .Replace("\"store\": \"colours\", \"train\": { }", "\"store\": \"colours-noisy\", \"train\": { }, \"filters\": [ { \"id\": \"clip-score\", \"options\": { \"teachers\": [\"cut-teacher-a\", \"cut-teacher-b\"], \"topPercent\": 50 } } ]", StringComparison.Ordinal);

    private static string Study(string prepare) => $$"""
        { "name": "cut", "base": {{Base()}}, "prepare": {{prepare}},
          "axes": [ { "path": "data.filters[0].options.topPercent", "name": "top", "values": [50, 100] } ] }
        """;

    private const string Prepare = """
        [ { "plantNoise": "colours", "into": "colours-noisy", "share": 0.25, "seed": 3 },
          { "train": "teacher-a", "set": { "data.filters": [ { "id": "random-subset", "options": { "fraction": 0.5 } } ], "data.filterSeed": 5 } },
          { "train": "teacher-b", "set": { "data.filters": [ { "id": "random-subset", "options": { "fraction": 0.5, "complement": true } } ], "data.filterSeed": 5 } } ]
        """;

    [Fact]
    public async Task PrepareSteps_MakeTheStoreAndTheTeachersOnce_ThenTheCellsCrossFit_AndCountThePlantedPairs()
    {
        using var dir = new TempDir();
        var env = await ColoursData.PrepareAsync(dir);
        var file = dir.Write("experiments/studies/cut.json", Study(Prepare));

        var first = await ClipHostProcess.RunAsync(["study", "run", file], env);

        Assert.True(first.ExitCode == 0, first.All);
        Assert.Contains("prepare[0]: store colours-noisy", first.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(dir.Combine("runs", "cut-teacher-a", "subset", "subset.json")), first.All);
        Assert.True(File.Exists(dir.Combine("runs", "cut-teacher-b", "subset", "subset.json")), first.All);
        Assert.Contains("2 succeeded; finished", first.Stdout, StringComparison.Ordinal);
        var cell = JsonDocument.Parse(File.ReadAllText(dir.Combine("runs", "cut-top-50", "subset", "subset.json"))).RootElement;
        var lineage = cell.GetProperty("lineage")[0];
        Assert.Equal("clip-score", lineage.GetProperty("id").GetString());
        var planted = lineage.GetProperty("planted");
        Assert.True(planted.GetProperty("in").GetInt32() > 0, lineage.ToString());
        Assert.Equal(lineage.GetProperty("dropped").GetInt32(), planted.GetProperty("allDropped").GetInt32());

        var again = await ClipHostProcess.RunAsync(["study", "run", file], env);
        Assert.True(again.ExitCode == 0, again.All);
        Assert.Contains("prepare[0]: store exists, kept", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(4, CountOf("already trained", again.Stdout));
    }

    [Theory]
    [InlineData("""[ { "merge": ["colours"], "into": "pool" } ]""", "prepare[0].merge: give two or more stores to merge")]
    [InlineData("""[ { "plantNoise": "colours", "into": "../up", "share": 0.2 } ]""", "prepare[0].into")]
    [InlineData("""[ { "plantNoise": "colours", "into": "noisy", "share": 1.5 } ]""", "prepare[0].share")]
    [InlineData("""[ { "train": "t", "merge": ["a", "b"] } ]""", "prepare[0]: give exactly one of merge, plantNoise and train")]
    [InlineData("""[ { "train": "t", "set": { "training.bogus": 1 } } ]""", "prepare[0] (cut-t): training.bogus")]
    public async Task ABadPrepareStep_RefusesTheStudy_NamingTheStep_BeforeAnythingIsMade(string prepare, string expected)
    {
        using var dir = new TempDir();
        var env = await ColoursData.PrepareAsync(dir);
        var file = dir.Write("experiments/studies/cut.json", Study(prepare));

        var result = await ClipHostProcess.RunAsync(["study", "run", file], env);

        Assert.True(result.ExitCode == 2, result.All);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Combine("data", "stores", "noisy")));
        Assert.False(Directory.Exists(dir.Combine("data", "stores", "pool")));
        Assert.False(Directory.Exists(dir.Combine("runs")) && Directory.EnumerateDirectories(dir.Combine("runs")).Any(d => !Path.GetFileName(d).StartsWith('.')), result.All);
    }

    private static int CountOf(string text, string output) => output.Split(text).Length - 1;
}
