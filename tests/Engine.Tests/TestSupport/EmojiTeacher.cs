using ClipHost.Engine.Training;
using Microsoft.Extensions.Logging.Abstractions;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.TestSupport;

/// <summary>A tiny CLIP trained on the fixture's emoji names (twitter style), once per test process: the filter tests' teacher.</summary>
public static class EmojiTeacher
{
    public const string RunId = "emoji-teacher";
    private static readonly Lock Gate = new();
    private static string? _checkpoint;

    /// <summary>The trained run's latest checkpoint folder, under the fixture's runs root.</summary>
    public static string Checkpoint(EmojiStoreFixture data)
    {
        lock (Gate)
        {
            if (_checkpoint is null)
            {
                var options = new TrainRunOptions { Layout = TestLayout.Of(data.StoresRoot, data.RunsRoot), Device = CPU };
                var result = new Trainer(StaticRegistry.Instance, NullLogger<Trainer>.Instance)
                    .Train(TinyExperiments.Tiny(RunId, samples: 64 * 100, seed: 3), options, null, TestContext.Current.CancellationToken);
                _checkpoint = result.Checkpoint;
            }
            return _checkpoint;
        }
    }
}
