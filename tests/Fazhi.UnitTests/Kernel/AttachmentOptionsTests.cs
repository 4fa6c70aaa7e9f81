using Fazhi.Web.Kernel.Attachments;
using Microsoft.Extensions.Configuration;

namespace Fazhi.UnitTests.Kernel;

public sealed class AttachmentOptionsTests
{
    private static AttachmentOptions Bind(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Fazhi:Attachments").Get<AttachmentOptions>() ?? new();

    [Fact]
    public void A_configured_list_of_file_types_replaces_the_default_instead_of_adding_to_it()
    {
        var configured = Bind(new() { ["Fazhi:Attachments:Extensions:0"] = ".pdf", ["Fazhi:Attachments:Extensions:1"] = ".ofd" });
        configured.AcceptedExtensions.ShouldBe([".pdf", ".ofd"]);
        Bind(new() { ["Fazhi:Attachments:MaxBytes"] = "1024" }).AcceptedExtensions.ShouldBe(AttachmentOptions.DefaultExtensions);
    }
}
