using System.Text.Json;
using System.Text.Json.Nodes;
using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Tests.TestSupport;

namespace ClipHost.Engine.Tests.Checkpoints;

/// <summary>
/// A checkpoint's state.json missing a field is refused, not read as zero: a resume from "step 0" or "loss 0" would
/// silently retrain or misreport. (The records are positional; the serializer options make every parameter required.)
/// </summary>
public sealed class DamagedStateTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Theory]
    [InlineData("step")]
    [InlineData("configHash")]
    [InlineData("loss")]
    public void ReadState_WithAFieldMissing_IsRefusedNamingIt(string field)
    {
        using var dir = new TempDir();
        var state = new TrainingState(Step: 40, TotalSteps: 100, SamplesSeen: 5120, WallSeconds: 12.5, ImageForwardGflops: 1, TextForwardGflops: 2, ConfigHash: "abc", Loss: 3.2);
        var json = JsonSerializer.SerializeToNode(state, Web)!.AsObject();
        File.WriteAllText(Path.Combine(dir.Path, CheckpointStore.State), json.ToJsonString());
        Assert.Equal(state, CheckpointStore.ReadState(dir.Path));

        json.Remove(field);
        File.WriteAllText(Path.Combine(dir.Path, CheckpointStore.State), json.ToJsonString());
        var error = Assert.Throws<JsonException>(() => CheckpointStore.ReadState(dir.Path));
        Assert.Contains(field, error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
