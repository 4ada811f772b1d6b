using System.Text.Json;
using ClipHost.Abstractions.Architectures;
using ClipHost.Plugins.Architectures.Vit;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Plugins;

public sealed class VitPresetTests
{
    [Theory]
    [InlineData("B/16", 224, 16)]
    [InlineData("B/32", 224, 32)]
    [InlineData("Ti/16", 64, 4)]
    [InlineData("S/32", 64, 8)]
    [InlineData("L/16", 32, 2)]
    [InlineData("B/32", 32, 4)]
    public void PatchFor_KeepsTheTokenGridClosestToThePapers(string preset, int imageSize, int patch) =>
        Assert.Equal(patch, VitPreset.Find(preset)!.PatchFor(imageSize));

    [Fact]
    public void Factory_PresetWithOverride_BuildsThatShape()
    {
        var factory = new VitEncoderFactory();
        var options = JsonDocument.Parse("""{"preset": "S/32", "depth": 2}""").RootElement;
        var context = new ImageEncoderContext(64, 3, 0);
        Assert.Empty(factory.Validate(options, context, "o"));
        using var encoder = factory.Create(options, context);
        using var scope = NewDisposeScope();
        Assert.Equal(384, encoder.FeatureDim);
        Assert.Equal([2, 384], encoder.call(randn(2, 3, 64, 64)).shape);
        Assert.Equal(64, ((IPatchTokenEncoder)encoder).PatchCount(64));
    }

    [Fact]
    public void Factory_UnknownPresetAndIndivisiblePatch_AreRefusedNamingTheField()
    {
        var factory = new VitEncoderFactory();
        var context = new ImageEncoderContext(30, 3, 0);
        Assert.Equal("o.preset", Assert.Single(factory.Validate(JsonDocument.Parse("""{"preset": "XL/14"}""").RootElement, context, "o")).Field);
        Assert.Equal("o.patchSize", Assert.Single(factory.Validate(JsonDocument.Parse("""{"preset": "Ti/16", "patchSize": 8}""").RootElement, context, "o")).Field);
    }
}
