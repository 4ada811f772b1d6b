using System.Text.Json;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Engine.Training;
using Microsoft.Extensions.Logging.Abstractions;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Training;

/// <summary>
/// A run's TensorBoard event files, read back by a reader written for the test from the formats' definitions
/// (tfevents_reader.py: TFRecord framing, CRC-32C, the Event protocol buffer): the loss, learning rate, logit scale and
/// pairs/s at the same steps and values as metrics.jsonl.
/// </summary>
public sealed class TensorBoardLogTests(EmojiStoreFixture data)
{
    [Fact]
    public void TheRunsScalars_ReadBackByAnIndependentReader_MatchMetricsJsonl()
    {
        var config = TinyExperiments.Tiny($"tb-{Guid.NewGuid():N}"[..20], samples: 64 * 20, seed: 2);
        var result = new Trainer(StaticRegistry.Instance, NullLogger<Trainer>.Instance).Train(
            config, new TrainRunOptions { Layout = TestLayout.Of(data.StoresRoot, data.RunsRoot), Device = CPU }, null, TestContext.Current.CancellationToken);

        var (exit, output) = DebianPython.Run(Path.Combine(AppContext.BaseDirectory, "Interop", "tfevents_reader.py"), Path.Combine(result.RunDirectory, TensorBoardLog.Folder));

        Assert.True(exit == 0, output);
        var scalars = JsonDocument.Parse(output).RootElement.EnumerateArray()
            .ToDictionary(s => (s.GetProperty("tag").GetString()!, s.GetProperty("step").GetInt64()), s => s.GetProperty("value").GetDouble());
        var lines = File.ReadLines(Path.Combine(result.RunDirectory, "metrics.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).Where(l => l.TryGetProperty("loss", out _)).ToList();
        Assert.Equal([10L, 20L], lines.Select(l => l.GetProperty("step").GetInt64()));
        foreach (var line in lines)
        {
            var step = line.GetProperty("step").GetInt64();
            foreach (var (tag, field) in new[] { ("train/loss", "loss"), ("train/lr", "lr"), ("train/logit_scale", "logitScale"), ("train/pairs_per_second", "pairsPerSecond") })
            {
                var expected = line.GetProperty(field).GetDouble();
                Assert.True(scalars.TryGetValue((tag, step), out var actual), $"{tag} at step {step} is missing");
                Assert.Equal((float)expected, (float)actual);
            }
            foreach (var part in line.GetProperty("components").EnumerateObject())
            {
                Assert.Equal((float)part.Value.GetDouble(), (float)scalars[($"train/loss/{part.Name}", step)]);
            }
        }
    }

    [Fact]
    public void AnEvaluation_IsWrittenAsEvalScalarsAtItsStep()
    {
        using var dir = new TempDir();
        var result = new ClipHost.Engine.Evaluation.EvalResult
        {
            Dataset = "emoji-google", Model = "m", Pretrained = "p", Task = "zeroshot_classification", Samples = 10, Selection = "all",
            Metrics = new Dictionary<string, double> { ["acc1"] = 0.25, ["acc5"] = 0.5 },
        };

        new TensorBoardLog(dir.Path).Evaluation(300, [result]);

        var (exit, output) = DebianPython.Run(Path.Combine(AppContext.BaseDirectory, "Interop", "tfevents_reader.py"), Path.Combine(dir.Path, TensorBoardLog.Folder));
        Assert.True(exit == 0, output);
        var scalars = JsonDocument.Parse(output).RootElement.EnumerateArray()
            .Select(s => (s.GetProperty("tag").GetString(), s.GetProperty("step").GetInt64(), s.GetProperty("value").GetDouble())).ToList();
        Assert.Equal([("eval/emoji-google/zeroshot_classification/acc1", 300L, 0.25), ("eval/emoji-google/zeroshot_classification/acc5", 300L, 0.5)], scalars.OrderBy(s => s.Item1));
    }
}
