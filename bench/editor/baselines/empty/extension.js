// Does nothing: only says when its module began to load, as Postcraft's bundle does.
const loadedAt = Date.now();

exports.activate = function activate() {
  return { activatedAt: loadedAt };
};
