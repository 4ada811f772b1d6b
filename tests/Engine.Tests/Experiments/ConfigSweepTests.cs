using System.Text.Json.Nodes;
using ClipHost.Abstractions.Options;
using ClipHost.Engine.Experiments;

namespace ClipHost.Engine.Tests.Experiments;

/// <summary>`clip-host train --sweep`: one experiment expanded into named variants, each an ordinary config.</summary>
public sealed class ConfigSweepTests
{
    private const string Config = """
        { "name": "study", "data": { "store": "pool", "filters": [ { "id": "clip-score", "options": { "teacher": "t", "topPercent": 40 } } ] },
          "model": { "vision": { "architecture": "vit" } }, "training": { "seed": 0 } }
        """;

    [Fact]
    public void Expand_SetsEachPathPerVariant_AndNamesRunsAfterFieldAndValue()
    {
        var variants = ConfigSweep.Expand(Config, [ConfigSweep.ParseAxis("data.filters[0].options.topPercent=20,100"), ConfigSweep.ParseAxis("training.seed=0,1")]);

        Assert.Equal(["study-topPercent-20-seed-0", "study-topPercent-20-seed-1", "study-topPercent-100-seed-0", "study-topPercent-100-seed-1"], variants.Select(v => v.Name));
        var last = JsonNode.Parse(variants[3].Json)!;
        Assert.Equal("study-topPercent-100-seed-1", last["name"]!.GetValue<string>());
        Assert.Equal(100, last["data"]!["filters"]![0]!["options"]!["topPercent"]!.GetValue<int>());
        Assert.Equal(1, last["training"]!["seed"]!.GetValue<int>());
        // Untouched fields stay as they were, and the original is not modified between variants.
        Assert.Equal("t", last["data"]!["filters"]![0]!["options"]!["teacher"]!.GetValue<string>());
        Assert.Equal(20, JsonNode.Parse(variants[0].Json)!["data"]!["filters"]![0]!["options"]!["topPercent"]!.GetValue<int>());
    }

    [Fact]
    public void Values_AreJsonWhenTheyParse_StringsOtherwise_AndObjectsGetNumberedLabels()
    {
        var strings = ConfigSweep.ParseAxis("model.vision.architecture=vit,resnet");
        Assert.Equal(["vit", "resnet"], strings.Values.Select(v => v!.GetValue<string>()));
        var objects = ConfigSweep.ParseAxis("""model.vision.options=[{"preset": "mini"}, {"preset": "S/16"}]""");
        Assert.Equal(["v1", "v2"], objects.Labels);
        var variants = ConfigSweep.Expand(Config, [objects]);
        Assert.Equal("S/16", JsonNode.Parse(variants[1].Json)!["model"]!["vision"]!["options"]!["preset"]!.GetValue<string>());
        // A missing object on the way is created (model.vision had no options).
        Assert.Equal("study-options-v2", variants[1].Name);
    }

    [Theory]
    [InlineData("topPercent", "path=value")]
    [InlineData("data.filters[3].options.topPercent=20", "no element [3]")]
    [InlineData("data.store[0]=a", "no element [0]")]
    [InlineData("training.seed=1,1", "same run name")]
    [InlineData("data.filters[x].id=a", "bad index")]
    public void BadSweeps_AreRefusedNamingTheOption(string spec, string message)
    {
        var e = Assert.Throws<OptionsValidationFailedException>(() => ConfigSweep.Expand(Config, [ConfigSweep.ParseAxis(spec)]));
        var error = Assert.Single(e.Errors);
        Assert.Equal("--sweep", error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
