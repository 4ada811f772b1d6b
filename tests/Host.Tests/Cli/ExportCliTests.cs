using System.Text.Json;

namespace ClipHost.Host.Tests.Cli;

/// <summary>
/// `clip-host export`: a trained run written in open_clip's layout into a new folder; an unknown run, a format
/// ClipHost does not write, a missing step and an existing folder are refused naming the field, and nothing is written.
/// </summary>
public sealed class ExportCliTests
{
    [Fact]
    public async Task ATrainedRun_IsWrittenInOpenClipsLayout_AndBadRequestsAreRefusedNamingTheField()
    {
        using var dir = new TempDir();
        var env = await ColoursData.PrepareAsync(dir);
        var trained = await ClipHostProcess.RunAsync(["train", "--config", dir.Write("tiny.json", ColoursData.Tiny("tiny", epochs: 1, evaluate: false))], env);
        Assert.True(trained.ExitCode == 0, trained.All);

        var output = dir.Combine("exports", "tiny-oc");
        var export = await ClipHostProcess.RunAsync(["export", "tiny", "--format", "open_clip", "--out", output], env);

        Assert.True(export.ExitCode == 0, export.All);
        var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "open_clip_config.json"))).RootElement;
        Assert.Equal(8, config.GetProperty("model_cfg").GetProperty("vision_cfg").GetProperty("patch_size").GetInt32());
        Assert.Equal("eos", config.GetProperty("model_cfg").GetProperty("text_cfg").GetProperty("pool_type").GetString());
        Assert.True(new FileInfo(Path.Combine(output, "open_clip_model.safetensors")).Length > 0);
        Assert.True(File.Exists(Path.Combine(output, "tokenizer.json")));

        foreach (var (args, field) in new[]
        {
            (new[] { "export", "no-such-run", "--out", dir.Combine("exports", "a") }, "run"),
            (new[] { "export", "../tiny", "--out", dir.Combine("exports", "b") }, "run"),
            (new[] { "export", "tiny", "--format", "onnx", "--out", dir.Combine("exports", "c") }, "format"),
            (new[] { "export", "tiny", "--step", "999", "--out", dir.Combine("exports", "d") }, "step"),
            (new[] { "export", "tiny", "--out", output }, "out"),
        })
        {
            var refused = await ClipHostProcess.RunAsync(args, env);
            Assert.True(refused.ExitCode == 2, refused.All);
            Assert.Contains($"config error: {field}:", refused.Stderr, StringComparison.Ordinal);
        }
        Assert.Equal(["tiny-oc"], Directory.GetDirectories(dir.Combine("exports")).Select(Path.GetFileName));
    }
}
