using System.Diagnostics;
using System.Globalization;
using Fazhi.Web.Kernel.Security;

namespace Fazhi.Bench;

/// <summary>
/// Field encryption micro-benchmark (<c>Fazhi.Bench cipher …</c>): values per second of <see cref="FieldCipher"/>'s
/// SM4-GCM encryption, decryption and HMAC-SM3 blind index, on 1..N threads, in process (no database). Fixed keys, so
/// the sample line it prints first (a stored value of the fixed keys) can be compared across builds.
/// </summary>
internal static class CipherBench
{
    public static int Run(string[] args)
    {
        var values = 200_000;
        int[] threads = [1, Environment.ProcessorCount];
        var rounds = 3;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--values": values = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--threads": threads = [.. Value().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))]; break;
                case "--rounds": rounds = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine("usage: Fazhi.Bench cipher [--values 200000] [--threads 1,2] [--rounds 3]");
                    return 64;
            }
        }
        var key = Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210");
        var indexKey = Enumerable.Range(0, FieldCipher.IndexKeyLength).Select(b => (byte)b).ToArray();
        var cipher = new FieldCipher(new Dictionary<int, byte[]> { [1] = key }, indexKey, "bench");
        Out.Line($"Fazhi field cipher benchmark — {values:N0} values a run, threads {string.Join('/', threads)}, best of {rounds} after a warm-up round");
        Out.Line($"machine: {Environment.ProcessorCount} cores, load average at start {File.ReadAllText("/proc/loadavg").Trim()}; .NET {Environment.Version}");
        Out.Line($"sample: {cipher.Encrypt("37060219900101123X")} index {cipher.IndexOf("37060219900101123X")}");

        // Typical personal fields: an 18-character 身份证号, an 11-digit phone, a name of 3 characters.
        var plain = new string[values];
        var rng = new Random(2025);
        for (var i = 0; i < values; i++)
            plain[i] = (i % 3) switch
            {
                0 => "3706021990" + rng.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
                1 => "138" + rng.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
                _ => "张" + (char)('一' + rng.Next(0, 2000)) + (char)('一' + rng.Next(0, 2000)),
            };
        var stored = plain.Select(cipher.Encrypt).ToArray(); // also the warm-up (JIT)
        foreach (var p in plain.Take(1000))
            _ = cipher.IndexOf(p);
        for (var i = 0; i < values; i += 997)
            if (cipher.Decrypt(stored[i]) != plain[i])
                throw new InvalidOperationException("round trip failed");

        foreach (var t in threads)
        {
            // Wall time (best of the rounds) gives values/s; the process's CPU time per value (best round) is the steadier
            // figure on a shared machine.
            (double PerSecond, double CpuMicros) Best(Action<int> one)
            {
                var best = double.MaxValue;
                var bestCpu = double.MaxValue;
                using var self = Process.GetCurrentProcess();
                for (var r = -1; r < rounds; r++) // round -1: untimed warm-up (tiered JIT)
                {
                    self.Refresh();
                    var cpu0 = self.TotalProcessorTime;
                    var start = Stopwatch.GetTimestamp();
                    Parallel.For(0, t, new ParallelOptions { MaxDegreeOfParallelism = t }, w =>
                    {
                        for (var i = w; i < values; i += t)
                            one(i);
                    });
                    var wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
                    self.Refresh();
                    if (r >= 0)
                    {
                        best = Math.Min(best, wall);
                        bestCpu = Math.Min(bestCpu, (self.TotalProcessorTime - cpu0).TotalMicroseconds / values);
                    }
                }
                return (values / best, bestCpu);
            }
            var enc = Best(i => cipher.Encrypt(plain[i]));
            var dec = Best(i => cipher.Decrypt(stored[i]));
            var idx = Best(i => cipher.IndexOf(plain[i]));
            var all = Best(i => { cipher.Decrypt(cipher.Encrypt(plain[i])); cipher.IndexOf(plain[i]); });
            static string F((double PerSecond, double CpuMicros) m) => $"{m.PerSecond,10:N0}/s ({m.CpuMicros:N2} µs CPU)";
            Out.Line($"{t} thread(s): encrypt {F(enc)}   decrypt {F(dec)}   blind index {F(idx)}   encrypt+decrypt+index {F(all)}");
        }
        Out.Line($"load average at end {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }
}
