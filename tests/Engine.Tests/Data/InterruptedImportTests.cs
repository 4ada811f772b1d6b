using ClipHost.Engine.Data.Import;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Tests.TestSupport;
using SkiaSharp;

namespace ClipHost.Engine.Tests.Data;

/// <summary>An import that stops before the end leaves nothing that looks like a store.</summary>
public sealed class InterruptedImportTests
{
    /// <summary>Yields good samples forever, calling back after each so a test can stop it mid-way.</summary>
    private sealed class EndlessSource(Action<int> afterEach) : IImportSource
    {
        private static readonly byte[] Png = TestImages.SolidPng(8, 8, SKColors.Red);

        public string Id => "endless";

        public string DefaultName => "endless";

        public ImageFit DefaultFit => ImageFit.Crop;

        public int? CountHint => null;

        public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public IEnumerable<ImportCandidate> Enumerate(CancellationToken cancellationToken)
        {
            for (var i = 0; ; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return new ImportCandidate($"s{i}", new ImageInput.Encoded(Png), ["red"]);
                afterEach(i);
            }
        }
    }

    [Fact]
    public async Task Cancelled_MidImport_LeavesNoStoreAndNoPartialDirectory()
    {
        using var dir = new TempDir();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var source = new EndlessSource(i =>
        {
            if (i == 2000)
            {
                cts.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Importer.RunAsync(source, dir.Path, ct: cts.Token));

        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public async Task SourceFailing_MidImport_LeavesNoStore()
    {
        using var dir = new TempDir();
        var source = new EndlessSource(i =>
        {
            if (i == 1500)
            {
                throw new IOException("disk went away");
            }
        });

        await Assert.ThrowsAsync<IOException>(() => Importer.RunAsync(source, dir.Path, ct: TestContext.Current.CancellationToken));

        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public async Task PartialLeftByAKilledImport_IsNotAStore_AndTheNextImportClearsIt()
    {
        using var dir = new TempDir();
        var partial = dir.Combine($"{StoreFiles.PartialPrefix}endless-0123");
        Directory.CreateDirectory(partial);
        File.WriteAllBytes(Path.Combine(partial, StoreFiles.Pixels), new byte[8 * 8 * 3 * 10]);
        Assert.Throws<InvalidDataException>(() => ClipStore.Open(partial));

        var report = await Importer.RunAsync(new EndlessSource(_ => { }), dir.Path, limit: 10, ct: TestContext.Current.CancellationToken);

        Assert.Equal(10, report.Imported);
        Assert.Equal([report.StorePath], Directory.EnumerateDirectories(dir.Path));
    }
}
