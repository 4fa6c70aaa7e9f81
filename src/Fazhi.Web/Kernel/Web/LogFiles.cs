using Serilog;

namespace Fazhi.Web.Kernel.Web;

/// <summary>
/// The request and application log as rolling daily files, kept at least six months: 网络安全法 第二十一条（三）
/// requires 采取监测、记录网络运行状态、网络安全事件的技术措施，并按照规定留存相关的网络日志不少于六个月.
/// <c>Fazhi:Logs:Directory</c> (default <c>&lt;data&gt;/logs</c>), <c>Fazhi:Logs:RetainedDays</c> (default and minimum
/// 180: a smaller value is raised to it). The 操作日志 itself is in the database and is never deleted.
/// </summary>
public static class LogFiles
{
    public const int MinimumRetainedDays = 180;

    public static (string Directory, int RetainedDays) Options(IConfiguration config, string dataDirectory) => (
        Path.GetFullPath(config["Fazhi:Logs:Directory"] ?? Path.Combine(dataDirectory, "logs")),
        Math.Max(MinimumRetainedDays, config.GetValue("Fazhi:Logs:RetainedDays", MinimumRetainedDays)));

    public static LoggerConfiguration FazhiLogFiles(this Serilog.Configuration.LoggerSinkConfiguration sink, IConfiguration config, string dataDirectory)
    {
        var (directory, days) = Options(config, dataDirectory);
        Security.PrivateFiles.EnsureDirectory(directory);
        return sink.File(Path.Combine(directory, "fazhi-.log"), rollingInterval: RollingInterval.Day, retainedFileCountLimit: days,
            outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {RequestId} {Message:lj}{NewLine}{Exception}",
            shared: true, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
    }
}
