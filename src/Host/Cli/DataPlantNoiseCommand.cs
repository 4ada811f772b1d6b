using System.CommandLine;
using System.Globalization;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Paths;
using ClipHost.Host.Options;

namespace ClipHost.Host.Cli;

/// <summary>
/// `clip-host data plant-noise &lt;store&gt; --into &lt;name&gt; --share 0.2`: a copy of a store with a known share of
/// mismatched captions in its training split, to measure a filter's precision and recall before trusting it.
/// </summary>
public static class DataPlantNoiseCommand
{
    public static Command Create()
    {
        var store = new Argument<string>("store") { Description = "The store to copy" };
        var into = new Option<string>("--into") { Description = "Name of the noisy copy", Required = true };
        var share = new Option<double>("--share") { Description = "Share of training pairs given another pair's captions, in (0, 1)", DefaultValueFactory = _ => 0.2 };
        var seed = new Option<long>("--seed") { Description = "Seed of the draw", DefaultValueFactory = _ => 0 };
        var replace = new Option<bool>("--replace") { Description = "Replace a store of that name" };
        var command = new Command("plant-noise", "Copy a store with a seeded share of its training pairs' captions swapped for captions of pairs from other groups; planted samples carry `plantedFrom` metadata and filters report how many they dropped")
        {
            store, into, share, seed, replace,
        };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, _ => { }, (host, ct) =>
        {
            var stores = host.Services.GetRequiredService<DataLayout>().Stores;
            return NewStoreCommand.Run(stores, parse.GetValue(into)!, "--into", parse.GetValue(replace), () =>
            {
                var (manifest, planted) = PlantedNoise.Plant(stores, parse.GetValue(store)!, parse.GetValue(into)!, parse.GetValue(share), parse.GetValue(seed), parse.GetValue(replace));
                return string.Create(CultureInfo.InvariantCulture, $"{manifest.Name}: {manifest.Count} samples from {manifest.Source}, {planted} training pairs with planted captions, hash {manifest.ContentHash[..12]}");
            });
        }, ct));
        return command;
    }
}
