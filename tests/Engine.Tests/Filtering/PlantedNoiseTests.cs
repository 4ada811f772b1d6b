using System.Text.Json;
using ClipHost.Abstractions.DataFilters;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Filtering;
using ClipHost.Engine.Model;
using ClipHost.Engine.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Filtering;

/// <summary>
/// Planted mismatched captions (`data plant-noise`) over the real emoji store: what is planted, what is left alone, and
/// a real teacher's clip-score cut judged as a detector of them.
/// </summary>
public sealed class PlantedNoiseTests(EmojiStoreFixture data)
{
    private (ClipStore Source, ClipStore Noisy, string Name) Plant(double share, long seed)
    {
        var name = $"noisy-{Guid.NewGuid():N}"[..20];
        PlantedNoise.Plant(data.StoresRoot, EmojiStoreFixture.Store, name, share, seed, replace: false);
        return (ClipStore.Open(Path.Combine(data.StoresRoot, EmojiStoreFixture.Store)), ClipStore.Open(Path.Combine(data.StoresRoot, name)), name);
    }

    private void Remove(string name) => Directory.Delete(Path.Combine(data.StoresRoot, name), recursive: true);

    [Fact]
    public void Plant_GivesTheShareOfTrainingPairs_CaptionsOfAnotherGroup_AndLeavesEverythingElseAsItWas()
    {
        var (source, noisy, name) = Plant(0.2, seed: 5);
        try
        {
            using (source)
            using (noisy)
            {
                Assert.Equal(source.Count, noisy.Count);
                var train = source.Samples.Count(s => s.Split == Splits.Train);
                var planted = noisy.Samples.Where(s => s.Meta.ContainsKey(PlantedNoise.MetaKey)).ToList();
                Assert.Equal((int)Math.Ceiling(train * 0.2), planted.Count);
                Assert.All(planted, s => Assert.Equal(Splits.Train, s.Split));
                var byKey = source.Samples.ToDictionary(s => s.Key);
                foreach (var s in planted)
                {
                    var donor = byKey[s.Meta[PlantedNoise.MetaKey]];
                    Assert.NotEqual(source.Samples[s.Id].Group, donor.Group);
                    Assert.Equal(donor.Captions, s.Captions);
                    Assert.NotEqual(source.Samples[s.Id].Captions, s.Captions);
                }
                // Everything not planted is the source sample, pixels included.
                var plantedIds = planted.Select(s => s.Id).ToHashSet();
                foreach (var s in noisy.Samples.Where(s => !plantedIds.Contains(s.Id)))
                {
                    Assert.Equal(source.Samples[s.Id].Captions, s.Captions);
                    Assert.Equal(source.Samples[s.Id].Split, s.Split);
                }
                Assert.True(noisy.GetPixels(planted[0].Id).Span.SequenceEqual(source.GetPixels(planted[0].Id).Span));
                Assert.StartsWith("planted-noise:emoji", noisy.Manifest.Source, StringComparison.Ordinal);
                Assert.NotEqual(source.ContentHash, noisy.ContentHash);

                // Another seed plants other pairs; the same seed the same ones.
                Assert.NotEqual(plantedIds.Order(), PlantedNoise.ChooseDonors(source, 0.2, 6).Keys.Order());
                Assert.Equal(plantedIds.Order(), PlantedNoise.ChooseDonors(source, 0.2, 5).Keys.Order());
            }
        }
        finally
        {
            Remove(name);
        }
    }

    [Theory]
    [InlineData(0.0, "emoji", "share")]
    [InlineData(1.0, "emoji", "share")]
    [InlineData(0.2, "no-such-store", "store: no store 'no-such-store'")]
    [InlineData(0.2, "../emoji", "store")]
    public void BadRequests_AreRefused_NamingTheField_AndWriteNothing(double share, string source, string expected)
    {
        var before = Directory.GetDirectories(data.StoresRoot).Length;
        var e = Assert.Throws<ArgumentException>(() => PlantedNoise.Plant(data.StoresRoot, source, "never-written", share, 0, replace: false));
        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetDirectories(data.StoresRoot).Length);
        Assert.False(Directory.Exists(Path.Combine(data.StoresRoot, "never-written")));
    }

    [Fact]
    public void ATeachersCut_IsJudgedOnThePlantedPairs_AndFindsThemFarBetterThanChance()
    {
        var (source, noisy, name) = Plant(0.2, seed: 1);
        try
        {
            using (source)
            using (noisy)
            using (var cacheDir = new TempDir())
            using (var model = new CheckpointPairScorer(EmojiTeacher.Checkpoint(data), StaticRegistry.Instance, CPU))
            {
                var teacher = new CachingPairScorer(model, new ScoreCache(cacheDir.Path));
                var context = new FilterContext(0, NullLogger.Instance, _ => teacher, NoServices.Instance);
                var candidates = new SampleSelection { Split = "train" }.Select(noisy);
                var steps = new[] { new FilterStep("clip-score", JsonDocument.Parse("""{ "teacher": "t", "topPercent": 80 }""").RootElement.Clone()) };

                var lineage = FilterPipeline.Run(noisy, candidates, steps, StaticRegistry.Instance, context, TestContext.Current.CancellationToken)[0].Lineage;

                var planted = Assert.IsType<PlantedCount>(lineage.Planted);
                Assert.Equal(noisy.Samples.Count(s => s.Meta.ContainsKey(PlantedNoise.MetaKey)), planted.In);
                Assert.Equal(lineage.Dropped, planted.AllDropped);
                // Dropping 20% at random would catch 20% of the planted pairs, and be 20% planted.
                Assert.True(planted.Recall > 0.4, $"recall {planted.Recall}");
                Assert.True(planted.Precision > 0.4, $"precision {planted.Precision}");

                // On the clean store the lineage says nothing about planted pairs (and older subset files stay as they were).
                var clean = FilterPipeline.Run(source, new SampleSelection { Split = "train" }.Select(source), steps, StaticRegistry.Instance, context, TestContext.Current.CancellationToken)[0].Lineage;
                Assert.Null(clean.Planted);
                Assert.DoesNotContain("planted", JsonSerializer.Serialize(clean, SubsetFiles.SerializerOptions), StringComparison.OrdinalIgnoreCase);
            }
        }
        finally
        {
            Remove(name);
        }
    }
}
