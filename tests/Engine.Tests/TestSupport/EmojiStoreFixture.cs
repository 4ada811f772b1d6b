using ClipHost.Engine.Data.Sources;

[assembly: AssemblyFixture(typeof(ClipHost.Engine.Tests.TestSupport.EmojiStoreFixture))]

namespace ClipHost.Engine.Tests.TestSupport;

/// <summary>A real emoji store (twitter and google styles, no skin tones: ~3,800 pairs) imported once for the training and evaluation tests.</summary>
public sealed class EmojiStoreFixture : IAsyncLifetime
{
    public const string Store = "emoji";
    private readonly TempDir _dir = new();

    public string StoresRoot => _dir.Combine("stores");

    public string RunsRoot => _dir.Combine("runs");

    public async ValueTask InitializeAsync() =>
        await Importer.RunAsync(new EmojiSource(Importer.RealPackages(), ["twitter", "google"], skinTones: false), StoresRoot);

    public ValueTask DisposeAsync()
    {
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }
}
