const fs=require('fs');const lock=JSON.parse(fs.readFileSync('package-lock.json','utf8'));
const pk=lock.packages;let added=[];
for(const [key,meta] of Object.entries(pk)){
  for(const [dep,ver] of Object.entries(meta.optionalDependencies||{})){
    const k='node_modules/'+dep; if(pk[k]) continue;
    const m=dep.match(/(android|darwin|freebsd|linux|openharmony|win32|wasm32)-([a-z0-9]+)/);
    const entry={version:ver.replace(/^[\^~]/,''),dev:true,optional:true};
    if(m){ entry.os=[m[1]==='wasm32'?'none':m[1]]; entry.cpu=[m[1]==='wasm32'?'wasm32':m[2]]; }
    pk[k]=entry; added.push(k);
  }
}
fs.writeFileSync('package-lock.json',JSON.stringify(lock,null,2)+'\n');console.log(added.join('\n'));
