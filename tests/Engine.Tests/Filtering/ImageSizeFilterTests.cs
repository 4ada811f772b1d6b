using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Plugins.DataFilters.Basic;

namespace ClipHost.Engine.Tests.Filtering;

/// <summary>The image-size filter on real clip art, whose source sizes vary, checked against the PNG headers themselves.</summary>
public sealed class ImageSizeFilterTests
{
    private static readonly ImageSizeFilterFactory Factory = new();

    private static async Task<(ClipStore Store, Dictionary<int, (int Width, int Height)> Sizes)> ImportAsync(TempDir dir)
    {
        var pngs = await ClipArt.PngsAsync();
        var store = await ClipArt.ImportAsync(ClipArt.Spread(pngs, 150), dir);
        var sizes = store.Samples.ToDictionary(s => s.Id, s => ClipArt.Size(s.Key));
        return (store, sizes);
    }

    [Fact]
    public async Task MinSide_KeepsExactlyTheSourcesWhoseShorterSideReachesIt_NotTheStoredSize()
    {
        using var dir = new TempDir();
        var (store, sizes) = await ImportAsync(dir);
        using var _ = store;
        // The store holds 64x64 images; the filter must see the sources' own sizes.
        Assert.All(store.Samples, s => Assert.Equal(sizes[s.Id], (s.Width, s.Height)));
        var shorter = sizes.ToDictionary(p => p.Key, p => Math.Min(p.Value.Width, p.Value.Height));
        var median = shorter.Values.Order().ElementAt(shorter.Count / 2);
        Assert.True(shorter.Values.Distinct().Count() > 10, "clip art sizes should vary");

        var result = FilterHarness.Apply(Factory, $$"""{ "minSide": {{median}} }""", store);

        Assert.Equal(shorter.Where(p => p.Value >= median).Select(p => p.Key).Order(), result.Kept);
        Assert.All(shorter, p => Assert.Equal(p.Value, result.Scores![p.Key]));
        var droppedId = result.DropReasons!.Keys.First();
        var (w, h) = sizes[droppedId];
        Assert.Equal($"shorter side {Math.Min(w, h)} < minSide {median} ({w}x{h})", result.DropReasons[droppedId]);
    }

    [Fact]
    public async Task MaxAspectRatio_DropsElongatedSources_AndWidthHeightBoundsNameTheFirstBoundMissed()
    {
        using var dir = new TempDir();
        var (store, sizes) = await ImportAsync(dir);
        using var _ = store;
        static double Aspect((int Width, int Height) s) => (double)Math.Max(s.Width, s.Height) / Math.Min(s.Width, s.Height);

        var elongated = FilterHarness.Apply(Factory, """{ "maxAspectRatio": 1.5 }""", store);
        Assert.Equal(sizes.Where(p => Aspect(p.Value) <= 1.5).Select(p => p.Key).Order(), elongated.Kept);
        Assert.NotEmpty(elongated.DropReasons!);
        Assert.All(elongated.DropReasons!.Values, r => Assert.Matches(@"^aspect ratio \d+\.\d\d > maxAspectRatio 1\.5 \(\d+x\d+\)$", r));

        var widths = sizes.Values.Select(s => s.Width).Order().ToList();
        var heights = sizes.Values.Select(s => s.Height).Order().ToList();
        var (minWidth, minHeight) = (widths[widths.Count / 3], heights[heights.Count / 3]);
        var bounded = FilterHarness.Apply(Factory, $$"""{ "minWidth": {{minWidth}}, "minHeight": {{minHeight}} }""", store);
        Assert.Equal(sizes.Where(p => p.Value.Width >= minWidth && p.Value.Height >= minHeight).Select(p => p.Key).Order(), bounded.Kept);
        Assert.All(bounded.DropReasons!, p => Assert.StartsWith(
            sizes[p.Key].Width < minWidth ? $"width {sizes[p.Key].Width} < minWidth {minWidth}" : $"height {sizes[p.Key].Height} < minHeight {minHeight}",
            p.Value, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{}", "options")]
    [InlineData("""{ "minSide": 0 }""", "options.minSide")]
    [InlineData("""{ "minWidth": -4 }""", "options.minWidth")]
    [InlineData("""{ "minHeight": 0 }""", "options.minHeight")]
    [InlineData("""{ "maxAspectRatio": 0.5 }""", "options.maxAspectRatio")]
    [InlineData("""{ "minSide": "big" }""", "options.minSide")]
    public void BadOptions_AreRefused_NamingTheField(string options, string field)
    {
        var errors = Factory.Validate(FilterHarness.Json(options), "options");
        Assert.Contains(errors, e => e.Field == field);
    }

    [Fact]
    public void GoodOptions_Validate() =>
        Assert.Empty(Factory.Validate(FilterHarness.Json("""{ "minSide": 200, "maxAspectRatio": 3 }"""), "options"));
}
