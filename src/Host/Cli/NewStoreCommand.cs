using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Paths;

namespace ClipHost.Host.Cli;

/// <summary>
/// What the commands that build a store from stores (`data merge`, `data plant-noise`) share: the new store's name is
/// checked, and refused when taken (unless --replace) before anything is copied; a refusal prints its field and exits 2.
/// </summary>
internal static class NewStoreCommand
{
    /// <param name="build">Builds the store and returns the line that describes it; throws ArgumentException naming the field.</param>
    public static Task<int> Run(string stores, string target, string field, bool replace, Func<string> build)
    {
        if (Identifier.Check(target, field) is { } badName)
        {
            Console.Error.WriteLine(badName);
            return Task.FromResult(2);
        }
        if (File.Exists(Path.Combine(stores, target, StoreFiles.Manifest)) && !replace)
        {
            Console.Error.WriteLine($"{field}: store '{target}' exists under {stores}; pass --replace to build it again");
            return Task.FromResult(2);
        }
        try
        {
            Console.WriteLine(build());
            return Task.FromResult(0);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return Task.FromResult(2);
        }
    }
}
