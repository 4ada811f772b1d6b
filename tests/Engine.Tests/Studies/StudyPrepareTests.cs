using System.Text.Json.Nodes;
using ClipHost.Engine.Studies;

namespace ClipHost.Engine.Tests.Studies;

/// <summary>A study's prepare list: parsed into steps, training steps expanded from the base, every name checked.</summary>
public sealed class StudyPrepareTests
{
    private const string Base = """{ "name": "ignored", "data": { "store": "pool" }, "model": { "vision": { "architecture": "vit", "options": { "preset": "mini" } } }, "training": { "seed": 0, "budget": { "epochs": 1 } } }""";

    private static string Study(string prepare) => $$"""{ "name": "q", "base": {{Base}}, "prepare": {{prepare}}, "axes": [ { "path": "training.seed", "values": [0, 1, 2] } ] }""";

    [Fact]
    public void Steps_ParseInOrder_AndTrainingStepsBecomeRunsOfTheBaseWithTheirPathsSet()
    {
        var (study, errors) = StudyFile.Parse(Study("""
            [ { "merge": ["emoji", "openclipart"], "into": "pool" },
              { "plantNoise": "pool", "into": "pool-noisy", "share": 0.2, "seed": 4 },
              { "train": "teacher-a", "set": { "data.filterSeed": 17, "training.seed": 9 } } ]
            """), null, null);
        Assert.Empty(errors);
        Assert.Collection(study!.Prepare,
            s => Assert.Equal(["emoji", "openclipart"], Assert.IsType<MergeStoresStep>(s).Stores),
            s => Assert.Equal(new PlantNoiseStep("prepare[1]", "pool", "pool-noisy", 0.2, 4), s),
            s => Assert.Equal("teacher-a", Assert.IsType<TrainRunStep>(s).Name));

        var (runs, runErrors) = StudyPrepare.Runs(study);
        Assert.Empty(runErrors);
        var (runId, json) = Assert.Single(runs);
        Assert.Equal("q-teacher-a", runId);
        var config = JsonNode.Parse(json)!;
        Assert.Equal("q-teacher-a", config["name"]!.GetValue<string>());
        Assert.Equal(17, config["data"]!["filterSeed"]!.GetValue<int>());
        Assert.Equal(9, config["training"]!["seed"]!.GetValue<int>());
        Assert.Equal("pool", config["data"]!["store"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{ "merge": ["emoji", "openclipart"] }""", "prepare[0].into")]
    [InlineData("""{ "merge": ["emoji", "../etc"], "into": "pool" }""", "prepare[0].merge[1]")]
    [InlineData("""{ "plantNoise": "pool", "into": "noisy", "share": 0 }""", "prepare[0].share")]
    [InlineData("""{ "plantNoise": "pool", "into": "noisy", "share": 0.2, "seed": "x" }""", "prepare[0].seed")]
    [InlineData("""{ "plantNoise": "pool", "into": "noisy", "share": 0.2, "extra": 1 }""", "prepare[0].extra")]
    [InlineData("""{ "train": "a/b" }""", "prepare[0].train")]
    [InlineData("""{ "train": "t", "set": [1] }""", "prepare[0].set")]
    [InlineData("""{ }""", "prepare[0]")]
    public void ABadStep_IsRefused_NamingItsField(string step, string field)
    {
        var (study, errors) = StudyFile.Parse(Study($"[ {step} ]"), null, null);
        Assert.Null(study);
        Assert.Contains(errors, e => e.Field == field);
    }

    [Fact]
    public void ATrainingStepSettingAPathTheExperimentLacks_IsRefusedNamingTheStep()
    {
        var (study, _) = StudyFile.Parse(Study("""[ { "train": "t", "set": { "training.bogus": 1 } } ]"""), null, null);
        var (runs, errors) = StudyPrepare.Runs(study!);
        Assert.Empty(runs);
        Assert.StartsWith("prepare[0] (q-t): training.bogus", Assert.Single(errors).Field, StringComparison.Ordinal);
    }
}
