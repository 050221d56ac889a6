/**
 * The XSS corpus: each payload calls `window.__xss(name)` (a binding the test installs) or sets
 * `window.__pwned` if it runs. Shared by the renderer's suite (xss.test.ts, a headless page) and the
 * browser build's check in the real webview (test/integration/browser.test.ts).
 */
export const PAYLOADS: Record<string, string> = {
  'script': '<script>window.__xss("script")</script>',
  'script-src': '<script src="data:text/javascript,window.__xss(\'script-src\')"></script>',
  'img-onerror': '<img src=x onerror="window.__xss(\'img-onerror\')">',
  'img-onerror-entity': '<img src=x onerror="&#119;indow.__xss(\'img-onerror-entity\')">',
  'svg-onload': '<svg onload="window.__xss(\'svg-onload\')"><circle r="1"/></svg>',
  'svg-script': '<svg><script>window.__xss("svg-script")</script></svg>',
  'svg-animate': '<svg><animate onbegin="window.__xss(\'svg-animate\')" attributeName="x" dur="1s"/></svg>',
  'iframe-js': '<iframe src="javascript:parent.__xss(\'iframe-js\')"></iframe>',
  'iframe-srcdoc': '<iframe srcdoc="<script>parent.__xss(\'iframe-srcdoc\')</script>"></iframe>',
  'object': '<object data="javascript:window.__xss(\'object\')"></object>',
  'embed': '<embed src="javascript:window.__xss(\'embed\')">',
  'a-javascript': '<a class="xss-link" href="javascript:window.__xss(\'a-javascript\')">click</a>',
  'a-javascript-tab': '<a class="xss-link" href="java\tscript:window.__xss(\'a-javascript-tab\')">click</a>',
  'a-data': '<a class="xss-link" href="data:text/html,<script>parent.__xss(\'a-data\')</script>">click</a>',
  'md-javascript': '[click](javascript:window.__xss(\'md-javascript\'))',
  'md-image-js': '![x](javascript:window.__xss(\'md-image-js\'))',
  'details-ontoggle': '<details open ontoggle="window.__xss(\'details-ontoggle\')"><summary>s</summary>x</details>',
  'autofocus': '<input autofocus onfocus="window.__xss(\'autofocus\')">',
  'video-source': '<video><source onerror="window.__xss(\'video-source\')"></video>',
  'body-onload': '<body onload="window.__xss(\'body-onload\')">',
  'css-expression': '<div style="width: expression(window.__xss(\'css-expression\'))">e</div>',
  'css-url-js': '<div style="background-image: url(javascript:window.__xss(\'css-url-js\'))">u</div>',
  'style-import': '<style>@import url("https://evil.example/x.css"); body { background: url(https://evil.example/bg.png) }</style>',
  'meta-refresh': '<meta http-equiv="refresh" content="0;url=javascript:window.__xss(\'meta-refresh\')">',
  'base': '<base href="https://evil.example/"><img src="relative.png">',
  'form': '<form action="javascript:window.__xss(\'form\')"><button class="xss-button">go</button></form>',
  'mxss-math': '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss(\'mxss-math\')"></style></mglyph></table></mtext></math>',
  'noscript': '<noscript><p title="</noscript><img src=x onerror=window.__xss(\'noscript\')>"></p></noscript>',
  'template': '<template><img src=x onerror="window.__xss(\'template\')"></template>',
  'raw-tag': '{% raw %}<script>window.__xss("raw-tag")</script><img src=x onerror="window.__xss(\'raw-tag-img\')">{% endraw %}',
  'tag-link': '{% link click javascript:window.__xss(\'tag-link\') %}',
  'tag-iframe': '{% iframe javascript:window.__xss(\'tag-iframe\') %}',
  'tag-img': '{% img javascript:window.__xss(\'tag-img\') %}',
  'tag-codeblock-url': '{% codeblock t javascript:window.__xss(\'tag-code\') link %}\nx\n{% endcodeblock %}',
  'katex-href': '$\\href{javascript:window.__xss(\'katex-href\')}{x}$',
  'title-attr-break': '<p title=\'" onmouseover="window.__xss(`title`)\'>hover</p>',
  // Last: an unclosed comment runs to the end of the post (CommonMark's HTML block rule 2).
  'unclosed-comment': '<!-- <img src=x onerror="window.__xss(\'comment\')"> ',
};

export const FRONT_MATTER = '---\ntitle: "<img src=x onerror=window.__xss(\'title\')>"\ntags: ["<script>window.__xss(\'tag\')</script>"]\n---\n';
